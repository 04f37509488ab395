// Validates claim files through liblienthong_ffi with P/Invoke (.NET 6+ or Mono).
//
//   .NET:  put Validate.cs in a console project; copy lienthong_ffi.dll (Windows) or
//          liblienthong_ffi.so (Linux) next to the program; `dotnet run -- FILE...`
//   Mono:  mcs Validate.cs && LD_LIBRARY_PATH=/path/to/lib mono Validate.exe FILE...
//
// Prints every finding and `N errors, M warnings`; exits 1 when a file has an error. Handles are
// freed in finally blocks (a SafeHandle subclass per handle type is the next step for real code).
using System;
using System.Runtime.InteropServices;
using System.Text;

static class Lienthong
{
    const string Lib = "lienthong_ffi"; // liblienthong_ffi.so / lienthong_ffi.dll

    public const uint StatusOk = 0;

    /// lienthong_str: a borrowed view {const char *data; size_t len;}, returned by value.
    [StructLayout(LayoutKind.Sequential)]
    public struct Str
    {
        public IntPtr Data;
        public UIntPtr Len;

        public override string ToString()
        {
            int n = checked((int)Len.ToUInt64());
            if (n == 0) return "";
            var bytes = new byte[n];
            Marshal.Copy(Data, bytes, 0, n);
            return Encoding.UTF8.GetString(bytes);
        }
    }

    // Strings going in are NUL-terminated UTF-8: marshal them as byte arrays (works on .NET
    // Framework, .NET and Mono alike; UnmanagedType.LPUTF8Str needs .NET Core 3+ / Mono 6+).
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s + "\0");

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern IntPtr lienthong_version();
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint lienthong_validator_new(out IntPtr validator, out IntPtr err);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint lienthong_validator_validate_path(IntPtr validator, byte[] path, out IntPtr report, out IntPtr err);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern void lienthong_validator_free(IntPtr validator);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern UIntPtr lienthong_report_errors(IntPtr report);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern UIntPtr lienthong_report_warnings(IntPtr report);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern UIntPtr lienthong_report_finding_count(IntPtr report);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern IntPtr lienthong_report_finding(IntPtr report, UIntPtr index);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern void lienthong_report_free(IntPtr report);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Str lienthong_finding_rule(IntPtr finding);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Str lienthong_finding_severity_name(IntPtr finding);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Str lienthong_finding_path(IntPtr finding);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Str lienthong_finding_message_en(IntPtr finding);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern uint lienthong_finding_line(IntPtr finding);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern Str lienthong_error_message_en(IntPtr err);
    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)] public static extern void lienthong_error_free(IntPtr err);
}

static class Validate
{
    static int Main(string[] args)
    {
        Console.WriteLine(Marshal.PtrToStringAnsi(Lienthong.lienthong_version()));
        if (Lienthong.lienthong_validator_new(out IntPtr validator, out IntPtr err) != Lienthong.StatusOk)
        {
            Console.Error.WriteLine(Lienthong.lienthong_error_message_en(err));
            Lienthong.lienthong_error_free(err);
            return 2;
        }
        ulong errors = 0, warnings = 0;
        try
        {
            foreach (var file in args)
            {
                uint status = Lienthong.lienthong_validator_validate_path(validator, Lienthong.Utf8(file), out IntPtr report, out err);
                if (status != Lienthong.StatusOk)
                {
                    Console.Error.WriteLine($"{file}: {Lienthong.lienthong_error_message_en(err)} (status {status})");
                    Lienthong.lienthong_error_free(err);
                    return 2;
                }
                try
                {
                    ulong n = Lienthong.lienthong_report_finding_count(report).ToUInt64();
                    for (ulong i = 0; i < n; i++)
                    {
                        IntPtr f = Lienthong.lienthong_report_finding(report, new UIntPtr(i));
                        Console.WriteLine($"{file}:{Lienthong.lienthong_finding_line(f)}: {Lienthong.lienthong_finding_severity_name(f)} [{Lienthong.lienthong_finding_rule(f)}] {Lienthong.lienthong_finding_path(f)}: {Lienthong.lienthong_finding_message_en(f)}");
                    }
                    errors += Lienthong.lienthong_report_errors(report).ToUInt64();
                    warnings += Lienthong.lienthong_report_warnings(report).ToUInt64();
                }
                finally
                {
                    Lienthong.lienthong_report_free(report);
                }
            }
        }
        finally
        {
            Lienthong.lienthong_validator_free(validator);
        }
        Console.WriteLine($"{errors} errors, {warnings} warnings");
        return errors > 0 ? 1 : 0;
    }
}
