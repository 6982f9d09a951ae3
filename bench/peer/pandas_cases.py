"""The peer of the benchmark: what an analyst would write with pandas + openpyxl to get the 案件概况
(by source) and 部门处置 (by unit) figures of one month from a case export, the way the task is done
by hand today. It is timed, start to exit, against the whole `case-brief build` of the same workbook.

Usage: python3 bench/peer/pandas_cases.py WORKBOOK.xlsx [--sheet 案件列表] [--period 2021-09]
Prints the two tables and, on the last line, one JSON object with the totals (for a sanity check
against the build's summary) and the seconds spent.
"""
import argparse
import json
import time

import pandas as pd

started = time.perf_counter()
parser = argparse.ArgumentParser()
parser.add_argument("workbook")
parser.add_argument("--sheet", default="案件列表")
parser.add_argument("--period", default="2021-09")
args = parser.parse_args()

# The export has a title row above the headers, as the systems write it.
cases = pd.read_excel(args.workbook, sheet_name=args.sheet, header=1, engine="openpyxl")
read_seconds = time.perf_counter() - started


def to_time(column: pd.Series) -> pd.Series:
    """Times come as Excel serials or as text, depending on the row."""
    numbers = pd.to_numeric(column, errors="coerce")
    from_serial = pd.to_datetime(numbers, unit="D", origin="1899-12-30").dt.round("s")
    from_text = pd.to_datetime(column.where(numbers.isna()), errors="coerce")
    return from_serial.fillna(from_text)


for name in ["上报时间", "受理时间", "立案时间", "派遣时间", "处置截止时间", "捆绑处置截止时间", "处置完成时间", "结案时间"]:
    if name in cases:
        cases[name] = to_time(cases[name])

start = pd.Timestamp(args.period + "-01")
end = start + pd.offsets.MonthBegin(1)
month = cases[(cases["上报时间"] >= start) & (cases["上报时间"] < end)].copy()

stage = month["当前阶段"].astype(str).str.strip()
self_disposed = month["是否自行处置"].astype(str).str.strip().eq("是")
month["受理"] = ~stage.isin(["不予受理"]) & ~(stage.eq("作废") & month["受理时间"].isna())
month["立案"] = month["受理"] & ~stage.isin(["不予立案"]) & ~(stage.eq("作废") & month["立案时间"].isna())
month["应处置"] = month["立案"] & stage.isin(["处置中", "处置反馈", "结案"]) & ~self_disposed
month["处置"] = month["应处置"] & (stage.isin(["处置反馈", "结案"]) | month["处置完成时间"].notna())
deadline = month["捆绑处置截止时间"].fillna(month["处置截止时间"])
as_of = cases[["上报时间", "受理时间", "立案时间", "派遣时间", "处置完成时间", "结案时间"]].max().max()
month["超期未处置"] = month["应处置"] & ~month["处置"] & (deadline < as_of)
month["应结案"] = month["处置"] | month["超期未处置"]
month["结案"] = month["应处置"] & stage.eq("结案")
month["按期处置"] = month["处置"] & (month["处置完成时间"] <= deadline)
month["按期结案"] = month["结案"] & month["按期处置"]

counts = ["受理", "立案", "应处置", "处置", "按期处置", "应结案", "结案", "按期结案"]


def table(by: str) -> pd.DataFrame:
    grouped = month.groupby(by)
    out = grouped[counts].sum()
    out.insert(0, "上报", grouped.size())
    out.loc["总计"] = out.sum()
    out["处置率"] = (out["处置"] / out["应处置"]).round(4)
    out["按期处置率"] = (out["按期处置"] / out["应处置"]).round(4)
    out["结案率"] = (out["结案"] / out["应结案"]).round(4)
    out["按期结案率"] = (out["按期结案"] / out["应结案"]).round(4)
    return out


overview = table("问题来源")
units = table("处置部门")
print("案件概况")
print(overview.to_string())
print("部门处置")
print(units.to_string())
total = overview.loc["总计"]
print(json.dumps({"reported": int(total["上报"]), "dispatched": int(total["应处置"]), "disposed": int(total["处置"]), "closed": int(total["结案"]), "rows": int(len(cases)), "readSeconds": round(read_seconds, 2), "seconds": round(time.perf_counter() - started, 2)}))
