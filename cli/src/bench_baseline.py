# The Python baseline of `lienthong bench`: what today's scripts do with a claim file.
# ElementTree iterparse over the GIAMDINHHS envelope, then for every table base64-decode
# NOIDUNGFILE and parse it with ElementTree.fromstring; each HOSO is dropped once read so memory
# stays flat. Prints one JSON line: seconds, HOSO, tables and peak RSS (getrusage, KiB on Linux).
import base64
import json
import resource
import sys
import time
import xml.etree.ElementTree as ET

path = sys.argv[1]
start = time.perf_counter()
hoso = tables = 0
holder = None
for event, elem in ET.iterparse(path, events=("start", "end")):
    if event == "start":
        if elem.tag == "DANHSACHHOSO":
            holder = elem
        continue
    if elem.tag == "NOIDUNGFILE":
        ET.fromstring(base64.b64decode(elem.text or ""))
        tables += 1
    elif elem.tag == "HOSO":
        hoso += 1
        if holder is not None:
            holder.clear()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "hoso": hoso, "tables": tables, "maxrss_kb": peak}))
