// Validates claim files through liblienthong_ffi with JNA (https://github.com/java-native-access/jna).
//
//   javac -cp jna.jar Validate.java
//   java -cp .:jna.jar -Djna.library.path=/path/to/lib Validate FILE...
//
// Prints every finding and `N errors, M warnings`; exits 1 when a file has an error. Every handle
// is freed in a finally block: the Java garbage collector does not know about them.
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

public class Validate {
    /** lienthong_str: a borrowed view {const char *data; size_t len;}, returned by value. */
    @Structure.FieldOrder({"data", "len"})
    public static class LtStr extends Structure implements Structure.ByValue {
        public Pointer data;
        public long len; // size_t: 64-bit on the 64-bit platforms the library is built for

        @Override
        public String toString() {
            return len == 0 ? "" : new String(data.getByteArray(0, (int) len), StandardCharsets.UTF_8);
        }
    }

    /** The functions used here, with C types mapped one to one (size_t as long, handles as Pointer). */
    public interface Lienthong extends Library {
        Lienthong LIB = Native.load("lienthong_ffi", Lienthong.class);

        int LIENTHONG_STATUS_OK = 0;

        String lienthong_version();
        int lienthong_validator_new(PointerByReference validatorOut, PointerByReference errOut);
        int lienthong_validator_set_pack(Pointer validator, String pack, PointerByReference errOut);
        int lienthong_validator_validate_path(Pointer validator, String path, PointerByReference reportOut, PointerByReference errOut);
        void lienthong_validator_free(Pointer validator);
        long lienthong_report_errors(Pointer report);
        long lienthong_report_warnings(Pointer report);
        long lienthong_report_finding_count(Pointer report);
        Pointer lienthong_report_finding(Pointer report, long index);
        void lienthong_report_free(Pointer report);
        LtStr lienthong_finding_rule(Pointer finding);
        LtStr lienthong_finding_severity_name(Pointer finding);
        LtStr lienthong_finding_path(Pointer finding);
        LtStr lienthong_finding_message_vi(Pointer finding);
        int lienthong_finding_line(Pointer finding);
        int lienthong_error_status(Pointer err);
        LtStr lienthong_error_message_en(Pointer err);
        void lienthong_error_free(Pointer err);
    }

    public static void main(String[] args) {
        Lienthong lt = Lienthong.LIB;
        System.out.println(lt.lienthong_version());
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        if (lt.lienthong_validator_new(out, err) != Lienthong.LIENTHONG_STATUS_OK) {
            throw new IllegalStateException(lt.lienthong_error_message_en(err.getValue()).toString());
        }
        Pointer validator = out.getValue();
        long errors = 0, warnings = 0;
        try {
            for (String file : args) {
                int status = lt.lienthong_validator_validate_path(validator, file, out, err);
                if (status != Lienthong.LIENTHONG_STATUS_OK) {
                    Pointer e = err.getValue();
                    System.err.println(file + ": " + lt.lienthong_error_message_en(e) + " (status " + status + ")");
                    lt.lienthong_error_free(e);
                    System.exit(2);
                }
                Pointer report = out.getValue();
                try {
                    for (long i = 0; i < lt.lienthong_report_finding_count(report); i++) {
                        Pointer f = lt.lienthong_report_finding(report, i);
                        System.out.printf("%s:%d: %s [%s] %s: %s%n", file, lt.lienthong_finding_line(f),
                                lt.lienthong_finding_severity_name(f), lt.lienthong_finding_rule(f),
                                lt.lienthong_finding_path(f), lt.lienthong_finding_message_vi(f));
                    }
                    errors += lt.lienthong_report_errors(report);
                    warnings += lt.lienthong_report_warnings(report);
                } finally {
                    lt.lienthong_report_free(report);
                }
            }
        } finally {
            lt.lienthong_validator_free(validator);
        }
        System.out.println(errors + " errors, " + warnings + " warnings");
        System.exit(errors > 0 ? 1 : 0);
    }
}
