"""An independent check of the suite's references: recomputes the money of every XML2 and XML3
line and the XML1 totals of every envelope case from its input.json with the formulas of
xml130.md §4.2 and §4.3 (Python decimals, half away from zero), and compares them with
expected.xml. Catches a wrong reference even when the SDK's builders and rules agree with each
other. Usage: python3 conformance/tools/check_money.py [path/to/lienthong]
"""
import json, subprocess, glob, os, sys
from decimal import Decimal as D, ROUND_HALF_UP
def r2(x): return x.quantize(D('0.01'), rounding=ROUND_HALF_UP)
def dec(s): return D(s) if s not in ('', None) else D(0)
bad = 0
cases = 0
BIN = sys.argv[1] if len(sys.argv) > 1 else 'target/debug/lienthong'
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'cases')
for d in sorted(glob.glob(os.path.join(ROOT, '*') + '/')):
    cid = os.path.basename(d.rstrip('/'))
    inp = json.load(open(d + 'input.json'))
    if inp['document'] != 'envelope': continue
    cases += 1
    pack = json.load(open(d + 'case.json'))['pack']
    out = json.loads(subprocess.run([BIN, 'convert', '--to', 'json', d + 'expected.xml'], capture_output=True).stdout)
    hosos = out['GIAMDINHHS']['THONGTINHOSO']['DANHSACHHOSO']
    for ep, h in zip(inp['episodes'], hosos):
        tot = dict.fromkeys(['T_THUOC','T_VTYT','T_TONGCHI_BV','T_TONGCHI_BH','T_BNTT','T_BNCCT','T_BHTT','T_NGUONKHAC','T_BHTT_GDV'], D(0))
        for kind, key in (('XML2','drugs'), ('XML3','services')):
            for i, (src, row) in enumerate(zip(ep.get(key, []), h.get(kind, []))):
                q = dec(src['SO_LUONG']); ratio = D(src['TYLE_TT_BH']); muc = D(src['MUC_HUONG'])
                nk = sum(dec(src.get(k, '0')) for k in ('T_NGUONKHAC_NSNN','T_NGUONKHAC_VTNN','T_NGUONKHAC_VTTN','T_NGUONKHAC_CL'))
                if kind == 'XML2':
                    p = dec(src['DON_GIA']); bv = r2(q*p); bh = r2(q*p*ratio/100)
                else:
                    dv = D(src.get('TYLE_TT_DV', 100)); pbv = dec(src['DON_GIA_BV']); pbh = dec(src['DON_GIA_BH'])
                    bv = r2(q*pbv) if pack == '130' else r2(q*pbv*dv/100)
                    bh = r2(q*pbh*ratio/100) if pack == '130' else r2(q*pbh*dv/100*ratio/100)
                bhtt = r2(bh*muc/100); bncct = bh - bhtt; bntt = bv - bh
                rest = nk
                for name in ('bntt', 'bncct', 'bhtt'):
                    v = locals()[name]; take = min(v, rest); rest -= take
                    if name == 'bntt': bntt = v - take
                    elif name == 'bncct': bncct = v - take
                    else: bhtt = v - take
                want = {'THANH_TIEN_BV': bv, 'THANH_TIEN_BH': bh, 'T_NGUONKHAC': nk, 'T_BNTT': bntt, 'T_BNCCT': bncct, 'T_BHTT': bhtt}
                for k, v in want.items():
                    if dec(row[k]) != v:
                        bad += 1; print(cid, kind, i+1, k, 'file', row[k], 'recomputed', v)
                if kind == 'XML2': tot['T_THUOC'] += bv
                if kind == 'XML3' and src['MA_NHOM'] in ('10', '11'): tot['T_VTYT'] += bv
                tot['T_TONGCHI_BV'] += bv; tot['T_TONGCHI_BH'] += bh; tot['T_BNTT'] += bntt; tot['T_BNCCT'] += bncct
                tot['T_BHTT'] += bhtt; tot['T_NGUONKHAC'] += nk
                if src.get('MA_PTTT') == '1': tot['T_BHTT_GDV'] += bhtt
        for k, v in tot.items():
            if dec(h['XML1'][k]) != v:
                bad += 1; print(cid, 'XML1', k, 'file', h['XML1'][k], 'recomputed', v)
print('money of %d envelope cases recomputed: %d mismatch(es)' % (cases, bad))
sys.exit(1 if bad else 0)
