#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the sample reports in data/samples/ from the real documents they
transcribe (the seeds in the project's shared folder):

  province-2024-05.json   seed 000: Bà Rịa - Vũng Tàu, monthly report for
                          May 2024 (21/4–20/5/2024), template province-monthly,
                          with both appendix tables (Phụ lục II and III)
  district-2024-06.json   seed 001: Phan Rang - Tháp Chàm, monthly report for
                          June 2024, template district-monthly, with its
                          appendix (15 services + the QĐ 422 row)
  annual-plan-2024.json   seed 004: the province's plan for 2024, template
                          annual-plan: every task with its lead agency,
                          cooperating agencies and deadline
  district-annual-2023.json  outline A of annual-reports-outline.md: the
                          city's annual report for 2023 (15/12/2022–14/12/2023),
                          template district-annual: the 24 pilot models of the
                          province's catalog, "1." paragraphs
  province-annual-2022.json  outline B: the province's annual report for 2022,
                          template province-annual: "(n)" paragraphs, footnotes,
                          the education table in the body with its values

The annual reports' full text is kept back on purpose: their samples
carry only what the outline gives (headings, the pilot models, the table,
the numbers and dates it quotes); a paragraph the outline only describes
is "…", never made up.

Usage:  tests/make-samples.py BAOCAO_BIN [OUTPUT_DIR]
        e.g. tests/make-samples.py build/baocao   (OUTPUT_DIR: data/samples)

Everything below is literal data typed from the seeds.  The text is kept
exactly as printed, typos included ("vef việc", "Hải lòng"; only the
"Chưa kết nói" of some connection cells is read as the choice "Chưa kết
nối" it misspells, since a choice cell holds one of its choices), and so
are the seeds' mistakes (on-time + overdue above online, a 2023 date in a
2024 report, a percentage that does not match its numbers): the checks must
find them.  Markdown emphasis of the seed text (** and *) is kept (read
from the seeds themselves by emphasise(): BAOCAO_SEEDS), page
breaks inside a paragraph are joined, "-" bullets are level 1 and "+"
bullets level 2.  A cell that holds text where a number belongs goes into
the row's note, and the number, if any, into the cell.  Ratio columns are
computed by Baocao and not stored.

How a sample is made, so that its "template" member is the real resolved
template and the file is byte for byte what Baocao itself exports:
  1. `baocao new` creates the report in a temporary library and
     `baocao export-json` gives the envelope with the resolved template;
  2. the values are replaced by the transcription below, with a fixed uuid
     and fixed times and an empty change log;
  3. that draft is imported into a second temporary library (the importer
     checks every key and value against the template and refuses the whole
     file on any error) and exported again; the re-export, plus a final
     newline, is the sample.
tests/test-samples.c imports each sample and spot-checks it against the seed.

The closing "Trên đây là ..." paragraph and the position line printed
under the signing space ("GIÁM ĐỐC CÔNG AN TỈNH") are header fields
(closing, signer_title2).
"""

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(HERE)

# Fixed identities, so that rebuilding gives the same files.
NAMESPACE = uuid.UUID("6f1b6c2e-8c55-4d0e-9a43-2f7b0f1a0601")

DA = "Đã kết nối"
CHUA = "Chưa kết nối"


# ---------------------------------------------------------------------------
# Seed 000: province monthly report, May 2024
# ---------------------------------------------------------------------------

PROVINCE_HEADER = {
    "supervising_body": "UBND TỈNH BÀ RỊA - VŨNG TÀU",
    "issuing_body": "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ ÁN 06",
    # "Kèm Báo cáo số 199/BC-BCĐ ngày 24/5/2024" (the appendix).
    "number": "199",
    "symbol": "BC-BCĐ",
    "place": "Bà Rịa - Vũng Tàu",
    "date": "2024-05-24",
    "doc_type": "BÁO CÁO",
    "summary": "Kết quả triển khai Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Bà Rịa - Vũng Tàu tháng 05 năm 2024",
    "recipients": ["Văn phòng Chính phủ", "Bộ Công an"],
    "legal_basis": "Thực hiện Quyết định số 06/QĐ-TTg, ngày 06/01/2022 của Thủ tướng Chính phủ về việc phê duyệt Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” (gọi tắt là Đề án 06); Chỉ thị 05/CT-TTg ngày 23/02/2023 của Chính phủ về tiếp tục đẩy mạnh triển khai Đề án 06; Căn cứ Công văn số 1580/TCTTKĐA ngày 22/5/2023 của Tổ Công tác triển khai Đề án 06 của Chính phủ về việc xây dựng báo cáo định kỳ kết quả triển khai Đề án 06, Ban Chỉ đạo triển khai Đề án 06 tỉnh Bà Rịa – Vũng Tàu báo cáo kết quả triển khai, thực hiện trong tháng 05 năm 2024, cụ thể như sau:",
    "cc": [
        "Văn phòng Chính phủ",
        "Bộ Công an (C06, V01)",
        "Đ/c Trưởng Ban Chỉ đạo",
        "Các đ/c thành viên BCĐ",
        "Các sở, ban, ngành thuộc tỉnh",
        "Bảo hiểm xã hội tỉnh",
        "Cục thuế tỉnh",
        "Tòa án nhân dân tỉnh",
        "Điện lực tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "Lưu: VT (UBND tỉnh, Công an tỉnh)",
    ],
    "signer_authority": "KT.",
    "signer_authority_title": "TRƯỞNG BAN",
    "signer_title": "PHÓ BAN THƯỜNG TRỰC",
    "signer_title2": "GIÁM ĐỐC CÔNG AN TỈNH",
    "signer_name": "Đại tá Bùi Văn Thảo",
    # The seed's "./." is mangled by its conversion ("05/2024. / *hve*").
    "closing": "Trên đây là Báo cáo kết quả triển khai Đề án “Phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 -2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Bà Rịa – Vũng Tàu tháng 05/2024./.",
}

# (type, number, date, issuer, summary). The issuer is only given where the
# seed names one; the summary is what follows "về việc", or the rest of the
# sentence from "về" when the seed has no "việc", or the rest of the
# sentence when it has no "về" at all.
PROVINCE_FREE = {
    "direction": {
        "after": "Ngày 22/5/2024, Ban Chỉ đạo triển khai Đề án 06 tỉnh với Ban Chỉ đạo cải cách hành chính tỉnh, chuyển đổi số để đánh giá tiến độ, kết quả thực hiện công tác Cải cách hành chính, Chuyển đổi số, Đề án 06 của tỉnh 4 tháng đầu năm 2024 và phương hướng, nhiệm vụ trọng tâm Quý II năm 2024 trên địa bàn tỉnh.",
    },
}

PROVINCE_DOCUMENTS = {
    "direction": [
        ("Công văn", "5096/UBND-VP", "2024-04-22", "",
         "triển khai Công văn số 2551/TCTTKĐA ngày 21/4/2024 của Tổ Công tác triển khai Đề án 06 về việc nghiên cứu giải pháp, tổng hợp kinh nghiệm trong triển khai Đề án 06"),
        ("Công văn", "5768/UBND-VP", "2024-05-06", "",
         "đẩy mạnh triển khai thực hiện Chỉ thị số 04/CT-TTg ngày 11/2/2024 của Thủ tướng Chính phủ về tiếp tục đẩy mạnh triển khai Đề án 06 năm 2024 và những năm 2024"),
        ("Báo cáo", "242/BC-UBND", "2024-04-26", "",
         "sơ kết 01 năm thực hiện Công văn số 452/TTg-KSTT ngày 23/5/2023 của Thủ tướng Chính phủ và các nội dung có liên quan triển khai Đề án 06"),
        ("Công văn", "5650/UBND-VP", "2024-05-04", "",
         "triển khai thực hiện văn bản số 3141/BKHĐT-TH ngày 25/04/2024 của Bộ Kế hoạch và Đầu tư về việc nguồn vốn triển khai Đề án 06"),
        ("Công văn", "6064/UBND-VP", "2024-05-10", "",
         "thực hiện văn bản số 204/TB-VPCP ngày 08/05/2024 của Văn phòng Chính phủ thông báo Kết luận Phiên họp chuyên đề Tổ công tác cải cách thủ tục hành chính của Thủ tướng Chính phủ về đánh giá tình hình triển khai thực hiện VNeID và giải pháp chuyển đổi sang sử dụng VNeID là tài khoản duy nhất trong thực hiện thủ tục hành chính trên môi trường điện tử"),
        ("Kế hoạch", "121/KH-BCĐ", "2024-05-13", "Ban Chỉ đạo",
         "Tổ chức cuộc thi “Tìm hiểu pháp luật về căn cước, định danh và xác thực điện tử của Việt Nam”"),
        # 22/5/2024: after the end of the period (20/5), as in the seed.
        ("Công văn", "1624/BCĐ-CAT", "2024-05-22", "",
         "triển khai Quy chế phổ về việc phát triển thanh toán không dùng tiền mặt trong công tác chi trả lương hưu, trợ cấp bảo hiểm xã hội trên nền Cơ sở dữ liệu quốc gia về dân cư"),
    ],
    "institutions": [
        # 04/4/2024: before the period (21/4), as in the seed.
        ("Kế hoạch", "85/KH-UBND", "2024-04-04", "UBND tỉnh",
         "tổ chức triển khai thi hành Luật Căn cước trên địa bàn tỉnh Bà Rịa - Vũng Tàu"),
    ],
}

# figure id: value or (value, denominator)
PROVINCE_FIGURES = {
    # 3. "đã tiếp nhận 211.510 hồ sơ, trả kết quả 185.665 hồ sơ, trễ hạn 2.981 hồ sơ"
    "portal_received": "211510",
    "portal_returned": "185665",
    "portal_overdue": "2981",
    # "1.478 (545 DVCTT toàn trình, 941 DVCTT một phần)": 545 + 941 = 1.486
    "dvctt_total": "1478",
    "dvctt_full": "545",
    "dvctt_partial": "941",
    # 4. "tại 125 cơ sở khám chữa bệnh, đạt 100% tổng số cơ sở": the total
    # is not printed, 100% makes it 125.
    "bhyt_cccd_facilities": ("125", "125"),
    "bhyt_cccd_lookups": "708891",
    "bhxh_cccd_verified": ("996007", "1019623"),
    "pension_monthly_cashless": ("17889", "26662"),
    "pension_lump_cashless": ("9499", "9582"),
    "unemployment_cashless": ("11859", "12155"),
    "welfare_bank_accounts": ("31470", "37263"),
    "asm_facilities": "6697",
    # 5.
    "cccd_issued": "1423866",
    "cccd_dossiers": "5669",
    "vneid_l2_dossiers": "4925",
    "vneid_dossiers": ("1047545", "615198"),
    # "Kích hoạt được 671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%" (109,12%)
    "vneid_activated": ("671290", "615198"),
    "members_elderly": "51231",
    "members_farmers": "36092",
    "members_veterans": "11787",
    "members_red_cross": "9486",
    "worker_records": "35464",
}

# Phụ lục II: row key -> (connection, total, online, on_time, overdue,
# difficulties, note).  None: empty.  The seed's extra trailing "0" cells of
# rows 16-20 are not data and are left out.
PROVINCE_DVC25 = {
    "1": (DA, "30", "30", "30", "0", None, None),
    "2": (DA, "3762", "3315", "3315", "0", None, None),
    "3": (DA, "2204", "2138", "2116", "18", None, None),
    "4": (DA, "912", "910", "831", "79", None, None),
    "5": (DA, "1", "1", "1", "0", None, None),
    "6": (DA, "27238", "27238", "27238", "0", None, None),
    "7": (DA, "3328", "3328", "3328", "0", None, None),
    "8": (DA, "138", "138", "138", "0", None, None),
    "9": (DA, "592", "592", "592", "0", None, None),
    "10": (DA, "245", "245", "245", "0", None, None),
    "11": (DA, "458", "458", "458", "0", None, None),
    "12": (DA, "5376", "5363", "5363", "0", None, None),
    "13": (DA, "7", "7", "7", "0", None, None),
    "14": (DA, "0", "0", "0", "0", None, None),
    "15": (DA, "795", "795", "794", "1", None, None),
    "16": (DA, "57", "57", "57", "0", None, None),
    "17": (DA, "0", "0", "0", "0", None, None),
    # overdue repeats the online count: on time + overdue = 2 × online
    "18": (DA, "3722", "3405", "3405", "3405", None, None),
    "19": (DA, "1869", "969", "839", "7",
           "Hệ thống thông tin giải quyết thủ tục hành chính tập trung trên toàn quốc của Bộ Tài nguyên và Môi trường vẫn còn bị lỗi dẫn tới thành phần hồ sơ hiện thị sai vị trí trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa - Vũng Tàu",
           "bao gồm 900 hồ sơ từ kỳ trước chuyển qua"),
    "20": (DA, "2220", "390", "390", "390", None, None),
    # a paragraph across the number cells
    "21": (DA, None, None, None, None, None,
           "Đã hoàn thành nhiệm vụ năm 2023.\n"
           "Tổng số thí sinh kỳ thi Tốt nghiệp THPT năm 2023: 12.925). Tỷ lệ 100% đăng ký trực tuyến.\n"
           "Chuẩn bị thực hiện nhiệm vụ đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học cao đẳng năm 2024"),
    # on time 1.190 > online 1.163
    "22": (DA, "1258", "1163", "1190", "68", None, None),
    # on time 1.394 > online 1.067; printed ratio "83"
    "23": (DA, "2010", "1067", "1394", "0", None, None),
    "24": (DA, "391", "391", "391", "0", None, None),
    "25": (DA, "0", "0", "0", "0", None, None),
}

# Phụ lục III, same columns.  "Chưa kết nói"/"Đã kết nói" (13.1-14.3) are
# read as the choices they misspell.
PROVINCE_QD422 = {
    "1": (DA, "3553", "3008", "2997", "11", None, None),
    "2": (CHUA, "0", "0", "0", "0", None, None),
    "3": (CHUA, "0", "0", "0", "0", None, None),
    "4": (CHUA, "0", "0", "0", "0", None, None),
    "5": (CHUA, "0", "0", "0", "0", None, None),
    "6": (DA, "0", "0", "0", "0", None, None),
    "7": (CHUA, "0", "0", "0", "0", None, None),
    # overdue repeats the online count
    "8": (DA, "1102", "1102", "1102", "1102", None, None),
    "9": (CHUA, "0", "0", "0", "0", None, None),
    "10": (DA, "1869", "969", "839", "7",
           "Hệ thống thông tin giải quyết thủ tục hành chính tập trung toàn quốc của Bộ Tài nguyên và Môi trường vẫn còn bị lỗi dẫn tới thành phần hồ sơ hiện thị sai vị trí trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa - Vũng Tàu",
           "bao gồm 900 hồ sơ từ kỳ trước chuyển qua"),
    "11": (DA, "91", "91", "71", "0", None, None),
    "12": (CHUA, "0", "0", "0", "0", None, None),
    "13.1": (CHUA, "0", "0", "0", "0", None, None),
    "13.2": (CHUA, "0", "0", "0", "0", None, None),
    "13.3": (CHUA, "0", "0", "0", "0", None, None),
    "14.1": (CHUA, "0", "0", "0", "0", None, None),
    "14.2": (CHUA, "0", "0", "0", "0", None, None),
    "14.3": (DA, "963", "0", "0", "0", None, None),
    "15": (CHUA, "0", "0", "0", "0", None, None),
    "16": (CHUA, "0", "0", "0", "0", None, None),
    "17": (CHUA, "0", "0", "0", "0", None, None),
    "18": (CHUA, "0", "0", "0", "0",
           "Bộ Tài nguyên và Môi trường chưa triển khai. Tuy nhiên Tổng cục Thuế đã phối hợp với Công Dịch vụ công Quốc gia để tất cả các thủ tục có thanh toán nghĩa vụ tài chính có thể thực hiện thanh toán qua Cổng Dịch vụ công quốc gia",
           None),
    "19": (CHUA, "0", "0", "0", "0", None, None),
    # overdue repeats the online count
    "20": (DA, "9719", "5274", "5274", "5274", None, None),
    "21": (CHUA, "0", "0", "0", "0", None, None),
    "22": (CHUA, "0", "0", "0", "0", "Bộ Tài nguyên và Môi trường chưa triển khai", None),
    "23": (CHUA, "0", "0", "0", "0", "Bộ Tài nguyên và Môi trường chưa triển khai", None),
    "24": (DA, "2", "2", "2", "0", None, None),
}

# Narrative and figures sections: (level, text).
PROVINCE_PARAGRAPHS = {
    "dvc_results": [
        (1, "Trong tháng 05/2024 Cổng dịch vụ công tỉnh đã tiếp nhận 211.510 hồ sơ, trả kết quả 185.665 hồ sơ, trễ hạn 2.981 hồ sơ, tỷ lệ đúng hạn là 98,39% với 100% đánh giá Hải lòng. Đối với 25 dịch vụ công thiết yếu (kết quả thực hiện theo Phụ lục 02 gửi kèm)."),
        (0, "* Về công bố các TTHC đủ điều kiện thực hiện DVCTT theo quyết định công bố danh mục DVCTT của Bộ, ngành: Từ tháng 12/2023 đến tháng 5/2024 Chủ tịch UBND tỉnh đã ban hành 07 Quyết định: số 3748/QĐ-UBND ngày 27/12/2023 Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến một phần trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa-Vũng Tàu đã được công khai trên Cổng Dịch vụ công quốc gia thuộc phạm vi quản lý nhà nước của Sở Văn hoá và Thể thao tỉnh Bà Rịa – Vũng Tàu; số 3889/QĐ-UBND ngày 29/12/2023 Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến một phần trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa- Vũng Tàu đã được công khai trên Cổng Dịch vụ công quốc gia thuộc phạm vi quản lý nhà nước của Sở Du lịch; số 475/QĐ-UBND ngày 22/2/2024 Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình thuộc phạm vi quản lý của Sở Thông tin và Truyền thông trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa - Vũng Tàu đã được cung cấp, tích hợp trên Cổng Dịch vụ công quốc gia; số 905/QĐ-UBND ngày 04/4/2024 Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến một phần thuộc phạm vi quản lý nhà nước của Sở Nông nghiệp và Phát triển nông thôn tỉnh Bà Rịa – Vũng Tàu trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa - Vũng Tàu đã được cung cấp, tích hợp trên Cổng Dịch vụ công quốc gia; số 998/QĐ-UBND ngày 15/4/2024 Công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến một phần trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa- Vũng Tàu đã được công khai trên Cổng Dịch vụ công quốc gia thuộc phạm vi quản lý nhà nước của Sở Tài nguyên và Môi trường; số 1046/QĐ-UBND ngày 22/04/2024 công bố danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, một phần thuộc phạm vi quản lý của Sở Nội vụ trên Hệ thống TTGQ TTHC tỉnh đã được tích hợp, công khai trên CDVCQG; số 1169/QĐ-UBND ngày 06/5/2024 công bố Danh mục thủ tục hành chính thực hiện dịch vụ công trực tuyến toàn trình, danh mục dịch vụ công trực tuyến một phần thuộc phạm vi quản lý của Sở Khoa học và Công nghệ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa – Vũng Tàu đã được cung cấp, tích hợp, công khai trên cổng dịch vụ công quốc gia."),
        (0, "Hiện nay tổng số DVCTT của tỉnh trên Cổng DVC quốc gia là 1.478 (545 DVCTT toàn trình, 941 DVCTT một phần). Các DVCTT của tỉnh được cung cấp trên Cổng DVC quốc gia đã được cấu hình, phê duyệt theo đúng quy định."),
        (0, "* Về số hóa hồ sơ, kết quả TTHC: Đã triển khai thực hiện số hóa 100% TTHC khi tiếp nhận hồ sơ TTHC tại Trung tâm Phục vụ hành chính công, Bộ phận một cửa cấp huyện, cấp xã."),
        (0, "* Về kết nối với các CSDL chuyên ngành trong thực hiện TTHC, DVCTT: UBND tỉnh đã có các công văn chỉ đạo Sở Thông tin và Truyền thông thực hiện kết nối, chia sẻ dữ liệu với các CSDL, phần mềm chuyên ngành của các Bộ, ngành như: công văn số 6317/UBND-VP ngày 14/05/2024 khẩn trương kết nối, tích hợp Dịch vụ thanh toán nghĩa vụ tài chính về đất đai trên Cổng Dịch vụ công quốc gia; số 6059/UBND-VP ngày 10/05/2024 về kết nối, tích hợp, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp. Hiện nay Sở Thông tin và Truyền thông đang triển khai thực hiện."),
    ],
    "economy": [
        (1, "Đã triển khai sử dụng thẻ CCCD gắn chip tích hợp BHYT trong khám chữa bệnh tại 125 cơ sở khám chữa bệnh, đạt 100% tổng số cơ sở khám chữa bệnh bảo hiểm y tế trên toàn tỉnh với 708.891 lượt bệnh nhân tra cứu thông tin thẻ Bảo hiểm y tế bằng thẻ Căn cước công dân phục vụ làm thủ tục khám chữa bệnh BHYT. Tính đến 20/05/2024, hệ thống đã xác thực CCCD được 996.007/1.019.623 người (đạt 97,7%). BHXH tỉnh đang tiếp tục phối hợp với Công an tỉnh và các Sở ban, ngành thực hiện rà soát xác thực CCCD."),
        (1, "Thực hiện thu học phí và chi trả không dùng tiền mặt đến các đối tượng hưởng chính sách an sinh xã hội:"),
        (2, "Sở Giáo dục và Đào tạo chủ trì hướng dẫn 100% cơ sở giáo dục tại đô thị thu học phí không dùng tiền mặt. Tỷ lệ thu học phí đạt tỷ lệ 100%. Tiếp tục thống kê tỷ lệ học sinh nộp các khoản thu không dùng tiền mặt khi kết thúc học kỳ I năm 2023-2024."),
        (2, "BHXH tỉnh chi trả lương hưu, trợ cấp bảo hiểm xã hội hàng tháng bằng hình thức chi trả không dùng tiền mặt. Tính đến 17/5/2023, nhận trợ cấp hàng tháng 17.889/26.662 người đạt 67%; trợ cấp một lần 9.499/9.582 người đạt 99%; trợ cấp thất nghiệp 11.859/12.155 người đạt 98%."),
        (2, "Sở Lao động Thương binh và Xã hội chi trả trợ cấp xã hội bằng hình thức chi trả không dùng tiền mặt theo hướng dẫn số 5234/LĐTĐBXH-TTTT ngày 23/12/2022 của Bộ Lao động Thương binh và Xã hội. Tổng số đối tượng hưởng chính sách An sinh xã trên địa bàn: 37.263 người, trong đó có 31.470 đối tượng có tài khoản tại ngân hàng, đạt tỷ lệ 84,4% (số liệu tính đến tháng 20/5/2024)."),
        (1, "Công an tỉnh đã triển khai Phần mềm thông báo lưu trú ASM trên nền tảng VNeID, hiện đã tạo lập được 6.697 cơ sở lưu trú, cơ sở khám chữa bệnh trên địa bàn bao gồm: khách sạn, nhà nghỉ, nhà trọ, cơ sở khám chữa bệnh và các cơ sở khác có chức năng lưu trú."),
    ],
    "digital_citizen": [
        (1, "Về cấp CCCD gắn chip: Đến nay Công an tỉnh đã cấp 1.423.866 thẻ CCCD gắn chip (bao gồm cấp mới, cấp đổi, cấp lại). Trong tháng, toàn tỉnh đã thu nhận được 5.669 hồ sơ cấp thẻ CCCD, 4.925 hồ sơ tài khoản định danh điện tử Mức 2."),
        (1, "Về phát triển tài khoản định danh điện tử trên ứng dụng VNeID: Theo chỉ tiêu Bộ Công an giao, tỉnh Bà Rịa – Vũng Tàu phải thu nhận và kích hoạt được 615.198 tài khoản. Đến nay đã thu nhận hồ sơ cấp 1.047.545 tài khoản, đạt tỷ lệ thu nhận 170%. Kích hoạt được 671.290 /615.198 tài khoản, đạt tỷ lệ 108,3%."),
        (1, "Về phối hợp thực hiện làm sạch dữ liệu của các ngành Lao động - Thương binh và Xã hội, đất đai, nhà ở, dữ liệu của các hội, đoàn thể:"),
        (2, "Cập nhật thông tin các Hội ở cơ sở lên hệ thống CSDLQG về DC, kết quả như sau: Hội người cao tuổi: 51.231 hội viên; Hội nông dân: 36.092 hội viên; Hội cựu chiến binh: 11.787 hội viên; Hội chữ thập đỏ: 9.486 hội viên, thông tin người lao động: 35.464 trường hợp."),
    ],
    "ecosystem": [
        (1, "UBND tỉnh đã hoàn thành xây dựng Cơ sở dữ liệu đất đai và hoàn thành xây dựng Dịch vụ chia sẻ dữ liệu đất đai của tỉnh và Hệ thống thông tin khác."),
        (0, "Nhằm đảm bảo việc kết nối, chia sẻ dữ liệu đất đai của tỉnh với cơ sở dữ liệu quốc gia về dân cư, UBND tỉnh có Công văn số 2389/UBND-VP ngày 01/3/2024 đề nghị Cục C06 kết nối, chia sẻ cơ sở dữ liệu quốc gia về dân cư với dữ liệu đất đai của tỉnh."),
        (0, "Sở Thông tin và Truyền thông ban hành văn bản số 910/STTTT-TTCNTT&TT ngày 02/5/2024 gửi Tổ Công tác triển khai Đề án 06 về việc đề nghị được kết nối với hệ thống định danh và xác thực điện tử (phiên bản 1.0) của Bộ Công an."),
    ],
    "resources": [
        (0, "Căn cứ Công văn số 1720/BKHĐT-ĐKKD ngày 10/3/2024 của Bộ Kế hoạch đầu tư về việc bố trí nguồn vốn đầu tư triển khai Đề án 06/CP, Kế hoạch số 16A/KH-BCĐ ngày 30/1/2024 về việc triển khai Đề án 06 năm 2024, UBND tỉnh có Công văn số 3613/UBND-VP ngày 08/4/2024 chỉ đạo Công an tỉnh (Cơ quan Thường trực Đề án 06 tỉnh) là cơ quan đầu mối phối hợp với các sở, ban, ngành, UBND các huyện, thị xã, thành phố rà soát các khó khăn, vướng mắc liên quan đến cơ sở vật chất, trang thiết bị để phục vụ Đề án 06/CP báo cáo UBND. UBND tỉnh đã có Công văn số 5492/UBND-VP ngày 02/5/2024 vef việc thực hiện Công văn số 4312/BTC-NSNN ngày 25/4/2024 của Bộ Tài chính hướng dẫn sử dụng kinh phí thường xuyên trong mua sắm trang thiết bị, thuê dịch vụ công nghệ thông tin trong triển khai thực hiện Đề án 06 và Công văn số 5650/UBND-VP ngày 04/05/2024 về việc triển khai thực hiện văn bản số 3141/BKHĐT-TH ngày 25/04/2024 của Bộ Kế hoạch và Đầu tư về việc nguồn vốn từ nguồn chi thường xuyên phục vụ triển khai Đề án 06."),
    ],
    "communication": [
        (1, "Đài Phát thanh và Truyền hình tỉnh thực hiện trên 08 tin, 08 phóng sự trên sóng phát thanh, truyền hình và đăng tải trên các trang thông tin điện tử tuyên truyền về triển khai thực hiện Đề án 06 và dự án Cơ sở dữ liệu quốc gia về dân cư, những điểm mới và nội dung của Luật Căn cước có hiệu lực từ ngày 01/7/2024. Đài truyền thanh, truyền hình cấp huyện thực hiện các tin bài, phóng sự tại địa phương."),
        (1, "Công an tỉnh tổ chức thực hiện 06 lượt tin, bài, phóng sự đăng, phát sóng trong Chương trình An ninh BR-VT, Trang Thông tin điện tử Công an tỉnh, Trang fanpage Thanh niên Công an BR-VT. Trong đó, trên trang Thanh niên Công an tỉnh đã tiếp cận đến 118.764 độc giả trong và ngoài tỉnh với 109.319 lượt tương tác."),
        (0, "Công an tỉnh phối hợp với Trung tâm Phục vụ hành chính công của tỉnh tuyên truyền các điểm mới, nội dung phục vụ triển khai thi hành Luật Căn cước bằng hình thức phát video trên các màn hình tivi 55 inch tại Trung tâm để tuyên truyền đến người dân, doanh nghiệp khi đến làm thủ tục hành chính."),
        (0, "Tổ công tác triển khai Đề án 06 cấp xã và các thôn, ấp, khu phố tuyên truyền thông qua hệ thống loa phát thanh không dây của các đơn vị địa phương; thông qua các buổi họp giao ban khu phố, tổ dân phố tuyên truyền đến cán bộ ban điều hành khu phố, tổ dân phố, nhân dân lợi ích của dịch vụ công thiết yếu và hướng dẫn kích hoạt tài khoản định danh điện tử mức độ 1 trên ứng dụng VNeID cho người dân."),
    ],
    "pilot_models": [
        (0, "Ban Chỉ đạo triển khai Đề án 06 tỉnh đã ban hành Kế hoạch số 299/KH ngày 09/11/2023 về việc triển khai thực hiện triển khai thực hiện mô hình điểm nhằm đẩy mạnh thực hiện các nhiệm vụ tại Đề án 06 trên địa bàn tỉnh với 27 mô hình để đẩy mạnh 05 nhóm tiện ích của Đề án 06. Căn cứ nội dung Kế hoạch, các sở, ban, ngành, đoàn thể, UBND các huyện, thị xã, thành phố đang triển khai thực hiện các nhiệm vụ bằng hình thức phù hợp."),
        (0, "Công an tỉnh đang phối hợp với các sở, ngành và các đơn vị nhằm đẩy mạnh triển khai thực hiện các Mô hình điểm, một số mô hình điển hình đang triển khai thực hiện, cụ thể:"),
        (2, "Công an tỉnh đang triển khai “mô hình 9, 11”, phần mềm thông báo lưu trú ASM trên nền tảng VNeID, hiện đã tạo lập được 6.697 cơ sở lưu trú, cơ sở khám chữa bệnh trên địa bàn bao gồm: khách sạn, nhà nghỉ, nhà trọ, cơ sở khám chữa bệnh và các cơ sở khác có chức năng lưu trú. “Mô hình 18” triển khai giải pháp xử phạt vi phạm trật tự, an toàn giao thông qua hệ thống Camera AI, ghi nhận 1.608 trường hợp vi phạm, xử phạt 414 trường hợp, số tiền là 1.729.300.000 đ, đề xuất không xử phạt 471 trường hợp do lý do bất khả kháng, hết thời hiệu."),
        (2, "Đã triển khai sử dụng thẻ CCCD gắn chip tích hợp BHYT trong khám chữa bệnh tại 125 cơ sở khám chữa bệnh, đạt 100% tổng số cơ sở khám chữa bệnh bảo hiểm y tế trên toàn tỉnh với 708.891 lượt bệnh nhân. Hiện đang phối hợp Sở Thông tin và Truyền thông, Sở Y tế, Bảo hiểm xã hội tỉnh và Công ty TAG thực hiện Mô hình 6 “Khám chữa bệnh sử dụng thẻ CCCD và VNeID”, trang bị đầu đọc thẻ CCCD gắn chip tại các đơn vị khám chữa bệnh để triển khai khám chữa bệnh Bảo hiểm y tế bằng CCCD gắn chip."),
        (2, "Phối hợp Sở Giao thông vận tải, 04 Cơ sở Đào tạo, sát hạch, cấp giấy phép lái xe và Công ty DK VIET triển khai thiết bị đọc thẻ CCCD gắn chip điện tử tại các Trung tâm đào tạo, sát hạch lái xe theo Mô hình số 17 “Triển khai thiết bị giám sát thi, sát hạch lái xe”."),
        (2, "Việc làm sạch dữ liệu chủ sử dụng đất là cơ sở để thực hiện triển khai “Mô hình số 34”, Sở Tài nguyên và Môi trường đã hoàn thành làm sạch dữ liệu chủ sử dụng đất thông qua nhiệm vụ “Chuẩn hóa các cơ sở dữ liệu thành phần của cơ sở dữ liệu ngành Tài nguyên và Môi trường đã được xây dựng” và tiến hành thủ tục để kết nối, chia sẻ dữ liệu chủ sử dụng đất theo quy định. UBND tỉnh đã hoàn thành xây dựng Cơ sở dữ liệu đất đai và hoàn thành xây dựng dịch vụ chia sẻ dữ liệu đất đai của tỉnh và Hệ thống thông tin khác. UBND tỉnh có Công văn số 2389/UBND-VP ngày 01/3/2024 đề nghị Cục C06 kết nối, chia sẻ cơ sở dữ liệu quốc gia về dân cư với dữ liệu đất đai của tỉnh."),
        (0, "Các Mô hình khác Công an tỉnh đang tiếp tục phối hợp với các Sở, ban ngành để triển khai thực hiện theo chỉ đạo của UBND tỉnh tại Kế hoạch số 299/KH-BCĐ ngày 09/11/2023 của Ban Chỉ đạo về việc triển khai thực hiện các Mô hình điểm trên địa bàn tỉnh Bà Rịa – Vũng Tàu."),
    ],
    "next_tasks": [
        (0, "1. Tiếp tục triển khai đồng bộ, toàn diện các Nghị Quyết, Chỉ thị, Kế hoạch triển khai thực hiện chuyển đổi số tại địa phương, tập trung đẩy mạnh cải cách thủ tục hành chính, công tác số hóa trên các lĩnh vực trọng tâm có liên quan đến người dân. Các sở, ban, ngành theo chức năng, nhiệm vụ được phân công tổ chức quán triệt, triển khai các văn bản của UBND tỉnh đến các cơ quan, đơn vị trực thuộc nghiêm túc, đảm bảo yêu cầu."),
        (0, "2. Tiếp tục hoàn thành các nội dung, nhiệm vụ của Đề án 06 theo Kế hoạch số 46/KH-UBND ngày 18/3/2022 của UBND tỉnh, Kế hoạch số 16A/KH-BCĐ ngày 30/1/2024 của Ban Chỉ đạo triển khai Đề án 06 tỉnh về thực hiện Đề án 06 trên địa bàn tỉnh năm 2024. Trong đó, tập trung rà soát các nhiệm vụ được giao chưa hoàn thành, các điểm nghẽn để chỉ đạo khắc phục nhằm đảm bảo hoàn thành các nhiệm vụ được giao."),
        (0, "3. Đẩy mạnh công tác tuyên truyền, tập trung tuyên truyền các điểm mới, các nội dung phục vụ triển khai thi hành Luật Căn cước, Luật Giao dịch điện tử (hiệu lực thi hành từ 01/7/2024), các tiện ích của Đề án 06/CP nhằm huy động sự tham gia tích cực của nhân dân và cộng đồng doanh nghiệp trong triển khai, thực hiện Đề án."),
        (0, "4. Tăng cường công tác chỉ đạo tổ chức thực hiện có hiệu quả Kế hoạch số 299/KH-BCĐ ngày 09/11/2023 về triển khai thực hiện các mô hình điểm nhằm đẩy mạnh thực hiện các nhiệm vụ tại Đề án 06. Trong đó phối hợp với Cục Cảnh sát quản lý hành chính về trật tự xã hội – Bộ Công an và các doanh nghiệp có kinh nghiệm để triển khai các giải pháp, mô hình trên địa bàn tỉnh theo kế hoạch."),
        (0, "5. Tăng cường tuyên truyền, vận động nhân dân tham gia có hiệu quả Cuộc thi “Tìm hiểu pháp luật về căn cước, định danh và xác thực điện tử của Việt Nam” theo Kế hoạch số 121/KH-BCĐ ngày 13/5/2024."),
    ],
}


# ---------------------------------------------------------------------------
# Seed 001: city (district level) monthly report, June 2024
# ---------------------------------------------------------------------------
#
# Period: the seed counts "từ 10/5/2024 đến 04/6/2024", which is no regular
# monthly period; the sample uses the template's regime (15th to the 14th):
# 15/5–14/6/2024.  So two documents of 8/5 and 13/5 fall before the period.

DISTRICT_HEADER = {
    "supervising_body": "UBND THÀNH PHỐ PHAN RANG - THÁP CHÀM",
    "issuing_body": "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU DÂN CƯ, ĐỊNH DANH VÀ XÁC THỰC ĐIỆN TỬ",
    "number": "254",
    "symbol": "BC-TCTĐA06",
    "place": "Phan Rang – Tháp Chàm",
    "date": "2024-06-24",
    "doc_type": "BÁO CÁO",
    "summary": "Kết quả triển khai Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030” trên địa bàn thành phố tháng 6 năm 2024",
    "cc": [
        "Văn phòng UBND tỉnh",
        "Phòng PC06 – Công an tỉnh",
        "Thường trực Thành ủy",
        "Thường trực HĐND thành phố",
        "Chủ tịch, các PCT UBND thành phố",
        "Các thành viên Tổ công tác thành phố",
        "Lưu: VT, CATP",
    ],
    "signer_authority_title": "TỔ TRƯỞNG",
    "signer_title2": "CHỦ TỊCH UBND THÀNH PHỐ",
    "signer_name": "Nguyễn Thành Phú",
    "closing": "Trên đây là báo cáo kết quả triển khai thực hiện Đề án 06 trên địa bàn thành phố tháng 6 năm 2024, Tổ công tác Đề án 06 thành phố báo cáo Tổ công tác Đề án 06 tỉnh biết, theo dõi, chỉ đạo.",
}

# I.1 opens with a paragraph before its intro (DISTRICT_FREE).
DISTRICT_DOCUMENTS = {
    "city_direction": [
        ("Công văn", "2396/UBND-CA", "2024-05-13", "",
         "về tuyên truyền và tham gia cuộc thi tìm hiểu pháp luật về căn cước, định danh và xác thực điện tử"),
        ("Công văn", "2480/UBND-CA", "2024-05-16", "",
         "tăng cường các biện pháp đảm bảo an ninh, an toàn, bảo mật thông tin trong thực hiện Đề án 06"),
        ("Công văn", "2716/UBND-CA", "2024-05-27", "",
         "góp ý dự thảo Nghị định quy định chi tiết một số điều của Luật cư trú"),
        ("Công văn", "2735/UBND-CA", "2024-05-28", "",
         "về triển khai thực hiện Thông báo số 204/TB-VPCP ngày 08/5/2024 của Văn phòng Chính phủ"),
    ],
    "police_direction": [
        ("Công văn", "1324/CATP-QLHC", "2024-05-08", "",
         "tham gia góp ý dự thảo quy chuẩn kỹ thuật về dữ liệu tại Trung tâm dữ liệu quốc gia"),
        ("Công văn", "1430/CATP-QLHC", "2024-05-15", "",
         "rà soát lập danh sách các cơ sở khám chữa bệnh trên địa bàn chưa thực hiện thông báo lưu trú trên phần mềm ASM"),
        ("Công văn", "1460/CATP-QLHC", "2024-05-17", "",
         "đôn đốc nhắc nhở trong công tác làm sạch dữ liệu dân cư"),
    ],
}

# Free paragraphs of documents sections: {section: {"before"|"after": text}}.
DISTRICT_FREE = {
    "city_direction": {
        "before": "Tiếp tục triển khai thực hiện các nhiệm vụ theo Kế hoạch số 67/KH-UBND ngày 26/02/2024 của UBND thành phố về triển khai thực hiện Đề án 06 trên địa bàn thành phố năm 2024; Công văn số 1350/UBND-CA ngày 23/3/2024 về triển khai thực hiện Chỉ thị số 04/CT-TTg ngày 11/02/2024 của Thủ tướng Chính phủ; Kế hoạch số 193/KH-UBND ngày 09/4/2024 về triển khai thực hiện Chuyển đổi số năm 2024 trên địa bàn thành phố.",
    },
}

DISTRICT_FIGURES = {
    # 2.1.
    "asm_accounts": "199",
    "digitised_city": ("313", "313"),
    "digitised_communes": ("5036", "5036"),
    # 2.2. "Hội Chữ thập đỏ: 15 cá nhân/02 tập thể", "Thông tin phương tiện:
    # 13.998 tờ khai/24.152 phương tiện": the figure holds the first number.
    "members_elderly": "2781",
    "members_farmers": "1994",
    "members_veterans": "133",
    "members_red_cross": "15",
    "meritorious_people": "555",
    "worker_records": "27736",
    "vehicle_declarations": "13998",
    "welfare_synced": "8229",
    "welfare_supplemented": "4700",
    "welfare_bank_accounts": ("3904", "7534"),
    "welfare_paid_by_bank": ("3904", "7534"),
    "welfare_paid_amount": "1584779000",
    # 2.3.
    "cccd_dossiers": "252",
    "cccd_online_forms": "218",
    "vneid_l2_dossiers": "466",
    "vneid_l1_dossiers": "159",
    "vneid_activated": "332",
    "vneid_activated_l2": "256",
    "vneid_activated_l1": "76",
    "cmnd_confirmations": "2",
    "vneid_reports": "5",
    # 2.4.
    "c10_updated": ("2215", "2244"),
    "pension_updated": "3978",
    "ehr_created": ("159593", "170491"),
    "ehr_history": ("84471", "159593"),
    "ehr_vaccination": ("2416", "159593"),
    "ehr_treatment": ("134425", "159593"),
    "ehr_app_users": ("66384", "170491"),
    "qr_payments": ("177", "624"),
    "qr_payment_amount": "21159782",
    "kcb_visits": "16089",
    "kcb_cccd_visits": ("16074", "16089"),
    "kcb_cccd_lookups_ok": ("15956", "16074"),
}

# The appendix: dvc25 row key -> (connection, unit, total, online).  The seed
# lists them in its own order (its rows 9 and 10 are catalog rows 19 and 18);
# its totals row says 7536 / 7356 / 97,61%.
DISTRICT_DVC = {
    "1": (DA, "Công an", "2", "2"),
    "2": (DA, "Công an", "210", "210"),
    "3": (DA, "Công an", "853", "853"),
    "4": (DA, "Công an", "137", "133"),
    "5": (DA, "Công an", "0", "0"),
    "6": (DA, "Công an", "4080", "4080"),
    "7": (DA, "Công an", "771", "711"),
    "8": (DA, "Công an", "11", "11"),
    "19": (DA, "TN và MT", "166", "62"),
    "18": (DA, "Chi Cục thuế", "118", "106"),
    "9": (DA, "Tư pháp", "368", "368"),
    "10": (DA, "Tư pháp", "161", "161"),
    "11": (DA, "Tư pháp", "173", "173"),
    "15": (DA, "Tư pháp", "375", "375"),
    "16": (DA, "Tư pháp", "111", "111"),
}

DISTRICT_QD422 = {
    "1": (DA, "Công an", "131", "131"),
}

# Narrative and figures sections: (level, text).
DISTRICT_PARAGRAPHS = {
    "units_direction": [
        (1, "Triển khai thực hiện Quyết định số 1031/QĐ-UBND ngày 03/8/2023 của UBND tỉnh về ban hành danh mục dịch vụ công trực tuyến toàn trình và một phần theo Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ, Quyết định số 480/QĐ-UBND ngày 30/4/2024 của UBND tỉnh về Ban hành bổ sung Danh mục Dịch vụ công trực tuyến toàn trình thuộc phạm vi, chức năng quản lý của Sở Tư pháp tỉnh Ninh Thuận. Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, triển khai đồng bộ các giải pháp để nâng cao tỷ lệ hồ sơ tiếp nhận và giải quyết trên cổng dịch vụ công trực tuyến."),
        (1, "Triển khai cập nhật, bổ sung thông tin công dân trên cơ sở dữ liệu chuyên ngành đang khai thác xác thực với Cơ sở dữ liệu quốc gia về dân cư. Phối hợp thực hiện chi trả chế độ chính sách trợ giúp xã hội không dùng tiền mặt cho các đối tượng bảo trợ xã hội, người có công trên địa bàn."),
        (1, "Đẩy mạnh công tác tuyên truyền, ứng dụng các nền tảng số trong cải cách hành chính tạo ra một môi trường hành chính lành mạnh và thuận lợi cho người dân, góp phần vào sự phát triển bền vững của địa phương."),
        (1, "Các cơ quan, Mặt trận tổ quốc và các đoàn thể thường xuyên quán triệt sâu rộng đến toàn thể cán bộ, công chức, viên chức các văn bản triển khai thực hiện Đề án 06, thực hiện cài đặt tài khoản định danh điện tử cho 100% cán bộ, công chức của đơn vị."),
    ],
    "communication": [
        (0, "Thực hiện công tác tuyên truyền về các tiện ích của tài khoản định danh điện tử, Cổng dịch vụ công trực tuyến, phổ biến những điểm mới của Luật Căn cước năm 2023 có hiệu lực từ 01/7/2024 tập trung vào các điểm mới của Luật Căn cước năm 2023: Đăng tải 02 tin, bài trên trang mạng xã hội (Zalo, Facebook,...), 17 lượt tuyên truyền qua loa đài, thu hút hơn 15.000 lượt theo dõi, tương tác; đăng tải thông tin trên loa thông tin phường, xã, lồng ghép vào Hội nghị của Ban công tác mặt trận phường, Họp Ban chấp hành Đảng bộ phường mở rộng. Đẩy mạnh công tác tuyên truyền trực quan và góp phần xây dựng đội ngũ “hạt nhân kỹ năng số” tiên phong trong thực hiện dịch vụ công trực tuyến."),
    ],
    "admin_services": [
        (1, "Tạo tài khoản thông báo lưu trú trên cổng dịch vụ công cho 199 cơ sở lưu trú sử dụng phần mềm quản lý lưu trú ASM."),
        (1, "Kết quả triển khai các thủ tục hành chính (Từ 10/5/2024 đến 04/6/2024):"),
        (0, "(Phụ lục thống kê gửi kèm báo cáo)"),
        (1, "Kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ:"),
        (2, "Bộ phận phận tiếp nhận và trả kết quả thành phố: Trong tháng đã số hóa 313/313 hồ sơ, kết quả giải quyết thủ tục hành chính."),
        (2, "Bộ phận phận tiếp nhận và trả kết quả phường, xã: Trong tháng đã số hóa 5.036/5.036 hồ sơ, kết quả giải quyết thủ tục hành chính."),
        (1, "Đối với lực lượng Công an đã số hóa hồ sơ kết quả giải quyết thủ tục hành chính đạt 100% trên các lĩnh vực: Cấp quản lý thẻ CCCD; Đăng ký quản quản lý phương tiện giao thông cơ giới đường bộ; Định danh điện tử; Quản lý xuất nhập cảnh; Quản lý ngành nghề kinh doanh có điều kiện; PCCC; Khiếu nại, tố cáo."),
    ],
    "economy": [
        (1, "Tính đến ngày 04/6/2024, Công an các phường, xã đã cập nhật thông tin trên Cơ sở dữ liệu quốc gia về dân cư, cụ thể Hội Người cao tuổi: 2.781 trường hợp, Hội Nông dân: 1.994 trường hợp, Hội Cựu chiến binh: 133 trường hợp, Hội Chữ thập đỏ: 15 cá nhân/02 tập thể, Người có công: 555 trường hợp, Thông tin người lao động: 27.736 trường hợp, Thông tin phương tiện: 13.998 tờ khai/24.152 phương tiện."),
        (1, "Cập nhật đối tượng được hưởng trợ cấp an sinh xã hội theo dữ liệu từ Bộ, Ban ngành đồng bộ với Cơ sở dữ liệu quốc gia về dân cư 8.229 trường hợp, cập nhập bổ sung dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư 4.700 trường hợp. Tính đến ngày 03/6/2024, Công an thành phố phối hợp với Phòng Lao động – Thương binh và Xã hội thành phố triển khai thu thập, cập nhật thông tin an sinh xã hội và chi trả trợ cấp an sinh xã hội qua tài khoản ngân hàng, cụ thể: Rà soát 7.534 trường hợp thuộc diện an sinh xã hội trên địa bàn, trong đó có 3.904 trường hợp có tài khoản ngân hàng (đạt tỷ lệ 51,78% so với tổng đối tượng quản lý trên địa bàn), thực hiện chi trả qua tài khoản ngân hàng 3.904 trường hợp (đạt tỷ lệ 51,78% so với tổng đối tượng quản lý trên địa bàn và đạt 100% so với tổng số đối tượng có tài khoản ngân hàng) với tổng số tiền 1.584.779.000 đồng."),
    ],
    "digital_citizen": [
        (1, "Công tác thu nhận hồ sơ CCCD và tài khoản định danh điện tử tháng 6 năm 2024 (từ 10/5/2024 – 03/6/2024): Thu nhận 252 hồ sơ cấp CCCD (tiếp nhận 218 tờ khai CCCD trực tuyến), thu nhận 466 hồ sơ định danh điện tử mức 2 và 159 hồ sơ định danh điện tử mức 1; kích hoạt thành công 332 tài khoản, trong đó có 256 tài khoản định danh mức 2 và 76 tài khoản định danh mức 1. Tiếp nhận 02 đề nghị xác nhận số CMND, số CCCD qua Cổng dịch vụ công trực tuyến."),
        (1, "Công tác tiếp nhận tin báo từ ứng dụng VNeID (từ 10/5/2024 – 03/6/2024): Tiếp nhận 05 tin báo từ ứng dụng VNeID."),
    ],
    "ecosystem": [
        (1, "Thực hiện công tác làm sạch dữ liệu trên hệ thống Cơ sở dữ liệu quốc gia về dân cư, cụ thể (từ ngày 10/5/2024 – 04/6/2024):"),
        (2, "Triển khai thực hiện rà soát đối với 2.244 trường hợp xác minh phạm nhân nguồn C10, cụ thể: Đã rà soát cập nhật thông tin 2.215 trường hợp, 17 trường hợp Công an phường, xã đang tiếp tục rà soát."),
        (2, "Khắc phục trường hợp hộ không chủ hộ 02 trường hợp (phường Tân Tài, Phú Hà)."),
        (2, "Đối với các trường hợp tại phân hệ DC01 mở rộng – Thiếu CMND 9 số: Đã xử lý 04 trường hợp (04 trường hợp không có CMND 9 số)."),
        (2, "Đối với các trường hợp tại phân hệ DC01 mở rộng – Thiếu các trường thông tin (Tính đến 03/6/2024): Đã cập nhật bổ sung thông tin 390 trường hợp, xác nhận không có thông tin để cập nhật 5.413 trường hợp."),
        (2, "Đối với các trường hợp tại phân hệ DC01 mở rộng – Sai cấu trúc số định danh: Xác nhận đã tạo yêu cầu hủy số 01 trường hợp."),
        (2, "Đối với các trường hợp tại phân hệ DC01 mở rộng – Sai lệch dữ liệu dân cư với dữ liệu Điện lực: 100 trường hợp công dân có lịch sử thường trú tại địa bàn, 214 trường hợp công dân có lịch sử tạm trú trên địa bàn, 75 trường hợp công dân hiện đang thường trú/tạm trú trên địa bàn, 8.953 trường hợp công dân chưa từng thường trú/tạm trú trên địa bàn."),
        (1, "Cập nhật, bổ sung thông tin đối với 3.978 trường hợp người được hưởng lương hưu trên dữ liệu dân cư."),
        (1, "Trung tâm Y tế đã triển khai thực hiện, chỉ đạo các cơ sở khám, chữa bệnh trực thuộc đơn vị về việc tăng cường rà soát, cập nhật thực hiện đảm bảo mục tiêu tạo lập hồ sơ sức khỏe điện tử của người dân, cụ thể:"),
        (2, "Khởi tạo Hồ sơ sức khỏe (phần A): 159.593/170.491 đạt 93,61%."),
        (2, "Số Hồ sơ sức khỏe đã cập nhật tiền sử và yếu tố nguy cơ (phần B): 84.471/159.593 đạt 52,93%."),
        (2, "Số Hồ sơ sức khỏe đã cập nhật thông tin tiêm chủng (phần C): 2.416/159.593 đạt 1,51% (có phần mềm quản lý tiêm chủng riêng)."),
        (2, "Số Hồ sơ sức khỏe đã cập nhật thông tin khám chữa bệnh (phần D): 134.425/159.593 đạt 84,23%."),
        (2, "Số người dân đã cài ứng dụng Sổ khám chữa bệnh điện tử: 66.384/170.491 đạt 38,94%."),
        (1, "Triển khai thực hiện mã QR để thanh toán tại 02 Phòng khám đa khoa khu vực Phan Rang và Tháp Chàm: Số lượt được quét thanh toán từ trong tháng là 177 lượt, với tổng số tiền quét thanh toán là: 21.159.782 đồng, đạt tỷ lệ 28,36% (177 lượt/624 lượt phát sinh thu)."),
        (1, "Đã xây dựng Kế hoạch số 961/KH-TTYT ngày 23/9/2022 về việc triển khai thí điểm khám bệnh, chữa bệnh từ xa tại Trạm Y tế xã Thành Hải; Số lượt được thực hiện trong tháng là 27 lượt (có mở sổ lưu danh sách tại trạm)."),
        (1, "Triển khai thực hiện khám, chữa bệnh bảo hiểm y tế bằng Căn cước công dân gắn chip trong tháng, cụ thể:"),
        (2, "Tổng số lượt khám chữa bệnh chung là 16.089 lượt."),
        (2, "Tổng số lượt khám chữa bệnh bằng CCCD: 16.074 lượt, đạt tỷ lệ 99,91% (16.074/16.089). Trong đó: Số lượt tra cứu thành công là: 15.956 lượt, đạt tỷ lệ 99,26% (15.956/16.074)."),
    ],
    "strengths": [
        (1, "Triển khai thực hiện Đề án 06 đã góp phần nâng cao nhận thức, tư duy trong công tác chỉ đạo, tổ chức thực hiện, huy động sự tham gia của cả hệ thống chính trị, nhất là lực lượng cấp cơ sở trong công tác quản lý nhà nước trên các lĩnh vực, bảo đảm an ninh an toàn thông tin tất cả các cấp."),
        (1, "Từng bước hoàn thiện hệ thống Cơ sở dữ liệu quốc gia và Cơ sở dữ liệu chuyên ngành tích hợp thông tin vào tài khoản định danh và xác thực điện tử phục vụ công tác quản lý nhà nước đã góp phần nâng cao chất lượng thể chế, minh bạch hóa hoạt động của cơ quan hành chính nhà nước và thuận lợi cho việc tổ chức thực hiện thủ tục hành chính được tốt hơn, góp phần chống tiêu cực, nâng cao sự hài lòng của nhân dân đối với các cấp chính quyền."),
    ],
    "difficulties": [
        (1, "Bệnh nhân đến khám chữa bệnh tại các cơ sở khám chữa bệnh chỉ có một số ít bệnh nhân sử dụng thành thạo điện thoại thông minh để thanh toán, còn lại đa phần bệnh nhân lớn tuổi, bệnh nhân không có tài khoản ngân hàng, chưa được tiếp cận với các ngân hàng điện tử, ví điện tử, không có điện thoại thông minh nên tỷ lệ thanh toán trực tuyến còn hạn chế."),
        (1, "Ứng dụng VNeID: Các giấy tờ được tích hợp trên ứng dụng VNeID chưa có văn bản quy phạm pháp luật cụ thể để thay thế các giấy tờ trong các giao dịch điện tử; thông tin Bảo hiểm y tế trên ứng dụng VNeID báo quá hạn nhưng thực tế trên thẻ Bảo hiểm y tế giấy vẫn còn hạn."),
        (1, "Dữ liệu từ các cơ quan, đơn vị, Cơ sở dữ liệu chuyên ngành khi xác thực với Cơ sở dữ liệu quốc gia về dân cư phát sinh các lỗi không đồng bộ do các trường thông tin chưa thống nhất về định dạng dữ liệu."),
        (1, "Về Công dịch vụ công quốc gia:"),
        (2, "Đối với các thủ tục hành chính liên thông: Chưa có tính năng xử lý đối với trường hợp xóa đăng ký thường trú trong trường hợp người chết là chủ hộ (hộ có nhiều người) nên Công an địa phương trả lại hồ sơ và yêu cầu người dân làm thủ tục đơn lẻ."),
        (2, 'Hiện nay trên cổng dịch vụ công trực tuyến chưa có thủ tục khai báo nơi ở hiện tại với công dân đang có nơi thường trú, thủ tục hiện có trên cổng dịch vụ công trực tuyến "Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú" chỉ áp dụng đối với người dân không có cả nơi thường trú và tạm trú.'),
    ],
    "proposals": [
        (1, "Về Cổng dịch vụ công quốc gia:"),
        (2, "Kiến nghị không áp đặt chỉ tiêu nộp phạt qua cổng dịch vụ công, thay vào đó sẽ hướng dẫn người dân thao tác thanh toán qua dịch vụ công trực tuyến đối với các trường hợp đủ điều kiện nộp phạt. Đối với các trường hợp không đủ điều kiện nộp phạt dịch vụ công trực tuyến thì để người vi phạm tự nộp phạt tại ngân hàng."),
        (2, "Cần có giải pháp để tất cả các ngân hàng, các ví điện tử đều có thể thực hiện nộp phạt trên Cổng dịch vụ công quốc gia và thống nhất mức thu chung (nếu có) khi thực hiện nộp phạt trên Cổng dịch vụ công quốc gia. Tích hợp thêm tính năng nộp phạt trực tuyến với quyết định xử phạt vi phạm hành chính thuộc thẩm quyền của UBND các cấp do lực lượng Công an tham mưu."),
        (2, "Kiến nghị không đặt chỉ tiêu tiếp nhận hồ sơ trực tuyến đối với các thủ tục cấp thẻ CCCD khi đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư, vì việc đăng ký tiếp nhận trực tuyến chỉ dừng lại ở việc lên lịch hẹn và công dân vẫn phải đến cơ quan Công an để thu nhận sinh trắc (vẫn phải sử dụng tài khoản dịch vụ công trực tuyến/tài khoản định danh điện tử để gửi hồ sơ trong khi các trường hợp cấp thẻ chủ yếu là cấp lần đầu chưa có CCCD/CMND, cấp đổi khi thẻ CCCD/tài khoản định danh điện tử đã hết hạn, cấp lại do mất thẻ, ...), thực tế không hiệu quả hơn so với tiếp nhận trực tiếp, thậm chí còn gây phiền hà cho người dân. Kiến nghị Bộ Công an nghiên cứu thay đổi phương thức nộp hồ sơ bằng cách sử dụng tài khai trực tuyến không thông qua sử dụng tài khoản dịch vụ công/tài khoản định danh điện tử."),
        (2, "Bổ sung thêm tính năng trả lại hồ sơ đối với thủ tục xác nhận CMND, số CCCD và thủ tục cấp CCCD lý do một số trường hợp gửi hồ sơ bị trùng nhiều lần hoặc không đủ điều kiện và hệ thống yêu cầu bắt buộc xử lý tiếp."),
        (2, "Bổ sung trên Cổng dịch vụ công quốc gia cho phép tiếp nhận trực tuyến thủ tục khai báo nơi ở hiện tại đối với công dân đã có nơi thường trú, nhằm đảm bảo tỷ lệ tiếp nhận trực tuyến đối với lĩnh vực đăng ký, quản lý cư trú."),
        (1, "Hoàn thiện tính năng cung cấp chữ ký số cá nhân của công dân, xác thực thông tin các loại giấy tờ, tài liệu đính kèm trong hồ sơ người dân trên Cổng dịch vụ công quốc gia để đảm bảo xác thực thông tin hồ sơ."),
        (1, "Chuẩn hóa, thống nhất chung định dạng các trường thông tin, dữ liệu trên hệ thống của các cơ quan, đơn vị để hạn chế tình trạng lỗi không đồng bộ dữ liệu."),
    ],
    "next_tasks": [
        (0, "1. Tiếp tục đẩy mạnh thực hiện các nhiệm vụ của Đề án 06 theo Kế hoạch số 67/KH-UBND ngày 26/02/2024 về triển khai Đề án 06 trên địa bàn thành phố năm 2024 và Công văn số 1350/UBND-CA ngày 22/3/2024 về triển khai thực hiện Chỉ thị số 04/CT-TTg ngày 11/02/2024 của Thủ tướng Chính phủ."),
        (0, "2. Đẩy mạnh thương mại điện tử, thanh toán không dùng tiền mặt đối với chi trả lương hưu, trợ cấp an sinh xã hội, cấp tài khoản an sinh xã hội cho các đối tượng được hưởng chính sách an sinh xã hội chưa có tài khoản và thực hiện chi trả trợ cấp an sinh xã hội không dùng tiền mặt cho 100% người dân đã có tài khoản."),
        (0, "3. Thực hiện nghiêm việc tiếp nhận, xử lý hồ sơ trực tuyến, không để tình trạng hồ sơ chậm muộn. Chuẩn hóa, điện tử hóa mẫu đơn tờ khai theo hướng khai thác dữ liệu dân cư, tái sử dụng kết quả đã được số hóa. Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định tại Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP, gắn việc số hóa với việc thực hiện nhiệm vụ của cán bộ, công chức."),
        (0, "4. Tổ chức tuyên truyền, phổ biến, quán triệt sâu, rộng đến toàn thể cán bộ, công chức, viên chức, lực lượng vũ trang và nhân dân nhận thức đầy đủ, sâu sắc các nội dung cơ bản và trách nhiệm của các ngành, đoàn thể trong triển khai tài khoản định danh điện tử VNeID trong dịch vụ công trực tuyến, Luật Căn cước năm 2023 có hiệu lực từ 01/7/2024 tập trung “10 điểm mới của luật Căn cước”."),
        (0, "5. Thường xuyên rà soát, cập nhật làm giàu dữ liệu các cơ sở dữ liệu chuyên ngành đảm bảo thông tin công dân “đúng, đủ, sạch, sống”. Tiếp tục triển khai các giải pháp ứng dụng những tiện ích được phát triển từ nền tảng Cơ sở dữ liệu quốc gia về dân cư, Căn cước công dân và định danh điện tử."),
    ],
}


# ---------------------------------------------------------------------------
# Seed 004: the province's plan for 2024 (a draft: no number, no date)
# ---------------------------------------------------------------------------

PLAN_HEADER = {
    "supervising_body": "UBND TỈNH BÀ RỊA - VŨNG TÀU",
    "issuing_body": "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ ÁN 06",
    "symbol": "KH-BCĐ",
    "place": "Bà Rịa - Vũng Tàu",
    "doc_type": "KẾ HOẠCH",
    "summary": "Thực hiện Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Bà Rịa – Vũng Tàu năm 2024",
    "legal_basis": "\n".join([
        "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030; Chỉ thị 05/CT-TTg ngày 23/02/2023 của Chính phủ về tiếp tục đẩy mạnh triển khai Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” (sau đây viết tắt là Đề án 06/CP);",
        "Căn cứ Thông báo số 06/TB-VPCP ngày 10/01/2024 của Văn phòng Chính phủ thông báo kết luận Hội nghị đánh giá tình hình 02 năm triển khai thực hiện Đề án 06/CP; Kế hoạch số 46/KH-UBND ngày 18/3/2022 về việc triển khai thực hiện Đề án 06/CP trên địa bàn tỉnh Bà Rịa - Vũng Tàu;",
        "Ban Chỉ đạo triển khai Đề án 06/CP tỉnh ban hành Kế hoạch triển khai thực hiện với chủ đề năm 2024 là năm “Hoàn thiện thể chế, hạ tầng, số hóa dữ liệu, nâng cao chất lượng nguồn nhân lực đẩy mạnh triển khai Đề án 06 phục vụ hiệu quả người dân, doanh nghiệp” gồm những nội dung sau:",
    ]),
    "cc": [
        "Văn phòng Chính phủ",
        "Bộ Công an (C06, V01)",
        "Đ/c Bí thư Tỉnh ủy",
        "UBMTQVN tỉnh và các đoàn thể",
        "Tòa án nhân dân tỉnh",
        "Viện kiểm sát nhân dân tỉnh",
        "Cục Thuế tỉnh",
        "Chi cục Thi hành án dân sự tỉnh",
        "Các sở, ban, ngành thuộc tỉnh",
        "Các đ/c thành viên Ban Chỉ đạo",
        "Các đ/c thành viên Tổ giúp việc",
        "UBND các huyện, thị xã, thành phố",
        "Lưu: VT (UBND tỉnh, Công an tỉnh)",
    ],
    "signer_title": "TRƯỞNG BAN",
    "signer_title2": "Chủ tịch UBND tỉnh",
    "signer_name": "Nguyễn Văn Thọ",
}

# Narrative sections: (level, text).  The numbers of III are part of the
# text, as in the other samples' numbered "next tasks".
PLAN_PARAGRAPHS = {
    "purpose": [
        (0, "Tiếp tục tổ chức thực hiện có hiệu quả Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ; Chỉ thị số 49-CT/TU ngày 16/6/2023 của Ban Thường vụ Tỉnh ủy; Chỉ thị số 10/CT-UBND ngày 07/10/2022 của UBND tỉnh và Kế hoạch số 46/KH-UBND ngày 18/3/2022 của UBND tỉnh về triển khai, thực hiện Đề án 06/CP; (sau đây gọi tắt là Đề án 06/CP và các văn bản có liên quan)."),
        (0, "Đôn đốc, kiểm tra, đánh giá kết quả triển khai thực hiện các nhiệm vụ của Đề án 06/CP."),
        (0, "Kịp thời kiến nghị, đề xuất Bộ, ngành trung ương xử lý những khó khăn, vướng mắc của địa phương gặp phải trong quá trình triển khai thực hiện nhiệm vụ của Đề án 06/CP."),
        (0, "Bảo đảm tất cả các nhiệm vụ của Đề án 06/CP trên địa bàn tỉnh được thực hiện theo đúng yêu cầu, tiến độ, góp phần phục vụ thành công nhiệm vụ chuyển đổi số quốc gia tại địa phương."),
    ],
    "requirements": [
        (0, "Huy động nguồn lực của cả hệ thống chính trị, đặc biệt là người đứng đầu các sở, ban, ngành, địa phương và sự tham gia của tổ chức, doanh nghiệp và người dân trên địa bàn là nguồn lực quan trọng, tiên quyết."),
        (0, "Thực hiện đầy đủ các nội dung liên quan đến vị trí, chức năng, nhiệm vụ, quyền hạn của Ban Chỉ đạo, Tổ Công tác triển khai Đề án 06/CP của tỉnh theo quy định."),
        (0, "Bảo đảm sự phối hợp chặt chẽ, đề cao tính kỷ luật, trách nhiệm của mỗi thành viên Ban Chỉ đạo, Tổ Công tác trong việc thực hiện nhiệm vụ được giao tại."),
    ],
    "implementation": [
        (0, "1. Trên cơ sở các nhiệm vụ, giải pháp được giao tại Kế hoạch số 46/KH-UBND ngày 18/3/2022 của UBND tỉnh và nội dung Kế hoạch này, các sở, ngành, địa phương chủ động xây dựng Kế hoạch triển khai thực hiện năm 2024 của đơn vị, địa phương mình hoặc lồng ghép trong các văn bản triển khai nhiệm vụ của cơ quan và gửi Công an tỉnh tổng hợp, theo dõi trước ngày 08/02/2024."),
        (0, "2. Thường trực Ban Chỉ đạo Đề án 06/CP tỉnh tham mưu họp định kỳ hàng quý để đánh giá kết quả thực hiện các nhiệm vụ năm 2024."),
        (0, "Trong trường hợp Ban Chỉ đạo không tổ chức họp được, Tổ giúp việc phải tổ chức họp, đánh giá và báo cáo kết quả thực hiện Đề án năm 2024, những khó khăn, vướng mắc với đồng chí Trưởng Ban Chỉ đạo kịp thời chỉ đạo."),
        (0, "3. Các Sở, ngành, địa phương có trách nhiệm báo cáo kết quả thực hiện nhiệm vụ Đề án 06/CP của cơ quan, đơn vị, địa phương gửi về Công an tỉnh tổng hợp báo cáo của UBND tỉnh gửi Chính phủ trước ngày 18 hàng tháng."),
        (0, "4. Công an tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh tham mưu, tổ chức thực hiện; thường xuyên tổ chức kiểm tra, đôn đốc các sở, ngành, địa phương trong việc thực hiện các nhiệm vụ Đề án 06/CP năm 2024 trên địa bàn tỉnh, định kỳ báo cáo kết quả thực hiện về Ban Chỉ đạo, UBND tỉnh, Tổ Công tác Trung ương theo quy định."),
        (0, "5. Trong quá trình triển khai thực hiện, Thường trực Ban Chỉ đạo (Công an tỉnh, Văn phòng UBND tỉnh) báo cáo xin ý kiến Ban Chỉ đạo Đề án 06/CP tỉnh điều chỉnh Kế hoạch khi cần thiết./."),
    ],
}

# Tasks: (content, lead, cooperating, deadline).  The "(n)" numbers are the
# list's own numbering and are not part of the content; the final "." of
# each line is dropped.  2.5 (2) names two lead agencies on two lines
# ("Đơn vị chủ trì" twice), kept as "A; B".  2.8 is a task whose content is
# its section title: its one task has only lead, cooperating and deadline.
PLAN_TASKS = {
    "common_tasks": [
        ("Tiếp tục rà soát nâng cấp, hoàn thiện cơ sở hạ tầng công nghệ thông tin; phối hợp thực hiện các nhiệm vụ theo chỉ đạo của Chính phủ để triển khai thực hiện Nghị quyết số 175/NQ-CP ngày 31/10/2023 của Chính phủ về phê duyệt Đề án trung tâm dữ liệu quốc gia",
         "Sở Thông tin và Truyền thông",
         "Công an tỉnh, các sở, ban, ngành, địa phương và các đơn vị có liên quan",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Thực hiện việc số hóa hồ sơ, kết quả giải quyết TTHC trên hệ thống Thông tin giải quyết thủ tục hành chính tỉnh phục vụ kết nối, tích hợp, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu chuyên ngành nhằm làm giàu dữ liệu phục vụ công tác chỉ đạo, điều hành của lãnh đạo tỉnh",
         "Văn Phòng UBND tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh, các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Tích hợp, kết nối, chia sẻ dữ liệu của các phần mềm ứng dụng, các hệ thống thông tin của Trung tâm điều hành thông minh tỉnh (IOC) với hệ thống Cơ sở dữ liệu quốc gia về dân cư",
         "Sở Thông tin và Truyền thông",
         "Văn phòng UBND tỉnh, Công an tỉnh, các sở, ban, ngành, địa phương và các đơn vị có liên quan",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Cập nhật, chuẩn hóa danh mục tài liệu, dữ liệu thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính theo hướng dẫn của Văn phòng Chính phủ và các cơ quan có liên quan; rà soát, tái cấu trúc quy trình, điện tử hóa mẫu đơn, tờ khai, kết quả giải quyết thủ tục hành chính",
         "Văn phòng UBND tỉnh",
         "các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Đổi mới cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trong tiếp nhận, giải quyết thủ tục hành chính theo đúng quy định tại Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
         "Văn phòng UBND tỉnh",
         "các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Tổ chức thực hiện các Nghị quyết của Chính phủ về đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến quản lý dân cư thuộc phạm vi chức năng quản lý của cơ quan, đơn vị",
         "Văn phòng UBND tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh, các sở, ban, ngành, địa phương và các đơn vị có liên quan",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Bố trí kinh phí, nguồn nhân lực, cơ sở vật chất cho việc tổ chức thực hiện nhiệm vụ được giao tại Đề án 06 của tỉnh",
         "Công an tỉnh, Sở Tài chính, Sở Kế hoạch và Đầu tư",
         "các sở, ban, ngành, UBND cấp huyện",
         "thường xuyên, theo lộ trình, kế hoạch và hướng dẫn của Bộ Tài chính, Bộ Kế hoạch và Đầu tư"),
        ("Thường xuyên duy trì thực hiện công tác bảo đảm an ninh, trật tự; an ninh, an toàn thông tin trong quá trình chuyển đổi số, kết nối, khai thác dữ liệu từ Hệ thống Cơ sở dữ liệu quốc gia về dân cư, Hệ thống Định danh và xác thực điện tử",
         "Công an tỉnh, Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông",
         "các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Tiếp tục thực hiện và duy trì thường xuyên các nhiệm vụ đã hoàn thành năm 2023 để phục vụ đáp ứng các yêu cầu chuyển đổi số và triển khai 27 mô hình điểm theo Kế hoạch số 299/KH-BCĐ ngày 09/11/2023 của Ban Chỉ đạo triển khai Đề án 06/CP tỉnh và các chỉ đạo, hướng dẫn việc thực hiện các mô hình khác của các Bộ, ngành, Tổ Công tác Đề án 06 của Chính phủ trên địa bàn tỉnh",
         "Công an tỉnh",
         "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông, các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024 và các năm tiếp theo"),
        ("Triển khai thực hiện hoàn thành các nội dung đã đăng ký khâu đột phá để thực hiện tốt hơn công tác cải cách hành chính, chuyển đổi số và thực hiện Đề án 06/CP năm 2024",
         "Sở Nội vụ",
         "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban, ngành, địa phương",
         "thường xuyên trong năm 2024"),
    ],
    "specific_legal": [
        ("Tham mưu UBND tỉnh trình Hội đồng nhân dân tỉnh ban hành Nghị quyết quy định mức thu phí, lệ phí đối với hoạt động cung cấp dịch vụ công bằng hình thức trực tuyến trên địa bàn tỉnh Bà Rịa – Vũng Tàu theo Chỉ thị 05/CT-TTg ngày 23/2/2023 của Thủ tướng Chính phủ",
         "Sở Tài Chính",
         "Văn phòng UBND tỉnh, các sở: Tư pháp, Xây dựng, Kế hoạch và Đầu tư, Tài nguyên và Môi trường, Văn hóa và Thể thao, Lao động – Thương binh và Xã hội và các cơ quan, đơn vị, địa phương liên quan",
         "tháng 2 năm 2024"),
        ("Nghiên cứu, tham mưu góp ý về dự thảo Luật Bảo vệ dữ liệu cá nhân",
         "Công an tỉnh",
         "các sở, ban, ngành, địa phương có liên quan",
         "ngay sau khi có đề nghị của Bộ, ngành trung ương"),
        ("Nghiên cứu, đóng góp ý kiến đối với dự thảo Đề án về xây dựng cơ sở dữ liệu doanh nghiệp, nhất là doanh nghiệp ngoài nhà nước theo đề nghị của Bộ, ngành trung ương",
         "Sở Kế hoạch và Đầu tư",
         "các sở, ban, ngành, địa phương có liên quan",
         "ngay sau khi có đề nghị của Bộ, ngành trung ương"),
        ("Đóng góp ý kiến xây dựng dự thảo Nghị định về 02 dịch vụ công liên thông “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi và Đăng ký khai tử, xóa đăng ký thường trú, trợ cấp mai táng phí”",
         "Sở Tư pháp",
         "Văn phòng UBND tỉnh; các sở, ban, ngành, địa phương có liên quan",
         "tháng 01 năm 2024 (đã hoàn thành tại Công văn số 830/UBND-VP ngày 18/01/2024)"),
        ("Đóng góp ý kiến đối với dự thảo Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu số 22/2023/QH15",
         "Sở Kế hoạch và Đầu tư",
         "các sở, ban, ngành, địa phương có liên quan",
         "ngay sau khi có đề nghị của Bộ, ngành trung ương"),
    ],
    "specific_admin_services": [
        ("Tiếp tục thực hiện Số hóa và tái sử dụng kết quả số hóa hồ sơ, kết quả giải quyết thủ tục hành chính có thông tin, giấy tờ cá nhân trong tiếp nhận, giải quyết thủ tục hành chính trên cơ sở tích hợp, kết nối và chia sẻ dữ liệu dân cư giữa Cơ sở dữ liệu quốc gia về dân cư với Hệ thống thông tin giải quyết thủ tục hành chính tỉnh phục vụ xác thực, chia sẻ thông tin công dân khi thực hiện thủ tục hành chính theo nguyên tắc không yêu cầu khai báo lại các thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư",
         "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông",
         "các sở, ban, ngành, địa phương thực hiện",
         "trong năm 2024"),
        ("Phối hợp với Văn phòng Chính phủ, các Bộ, ngành hoàn thành rà soát, tái cấu trúc 53 dịch vụ công thiết yếu tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia",
         "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông",
         "các sở, ban, ngành, địa phương thực hiện",
         "dự kiến tháng 4 năm 2024 (thời gian cụ thể theo văn bản hướng dẫn của Văn phòng Chính phủ)"),
        ("Triển khai cung cấp dịch vụ xác thực thông tin đối với các đương sự, bị can, bị cáo, người tham gia tố tụng... trên Cổng dịch vụ của Tòa án nhân dân",
         "Tòa án nhân dân tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh",
         "trong năm 2024"),
        ("100% TTHC đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức trực tuyến toàn trình và được định danh, xác thực điện tử hoặc xác thực, chia sẻ dữ liệu dân cư",
         "Văn phòng UBND tỉnh, Sở Thông tin và truyền thông",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("100% người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến toàn trình được định danh và xác thực điện tử thông suốt",
         "Sở Thông tin và truyền thông",
         "Văn phòng UBND tỉnh, các sở, ban, ngành, địa phương triển khai thực hiện",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("100% người dân khi thực hiện TTHC tại Trung tâm phục vụ hành chính công tỉnh và Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn tỉnh được định danh, xác thực điện tử trên hệ thống định danh và xác thực điện tử theo quy định",
         "Sở Thông tin và truyền thông, Văn phòng UBND tỉnh",
         "các sở, ban, ngành, địa phương",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("100% kết quả giải quyết thủ tục hành chính của cá nhân được lưu trữ điện tử",
         "Sở Nội vụ, Văn phòng UBND tỉnh, Sở Thông tin và truyền thông",
         "các sở, ban, ngành, địa phương",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("50% mẫu đơn, tờ khai có thông tin công dân được chuẩn hóa, thống nhất theo yêu cầu từ dữ liệu gốc của Cơ sở dữ liệu quốc gia về dân cư",
         "Các sở, ban, ngành, địa phương (triển khai thực hiện theo hướng dẫn của Bộ, ngành)",
         "Sở Thông tin và truyền thông, Văn phòng UBND tỉnh, Công an tỉnh",
         "trong năm 2024"),
        ("Tối thiểu 90% người dân, doanh nghiệp hài lòng về việc giải quyết TTHC với 53 DVC thiết yếu và các lĩnh vực cư trú, hộ tịch, xuất nhập cảnh, cấp CCCD",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "Văn phòng UBND tỉnh, Công an tỉnh",
         "trong năm 2024"),
        ("100% TTHC, giấy tờ công dân liên quan đến dân cư được cắt giảm, đơn giản hóa so với thời điểm trước khi triển khai Đề án 06/CP trên cơ sở rà soát, tham mưu sửa đổi, bổ sung các TTHC đã công bố",
         "Các sở, ban, ngành, địa phương triển khai thực hiện theo các quyết định công bố TTHC của Bộ, ngành",
         "Văn phòng UBND tỉnh",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("90% hồ sơ công việc liên quan đến dân cư tại cấp tỉnh, 80% hồ sơ công việc liên quan đến dân cư tại cấp huyện và 60% hồ sơ công việc liên quan đến dân cư tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)",
         "Sở Thông tin và truyền thông; Văn phòng UBND tỉnh",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "trong năm 2024"),
        ("100% hồ sơ về dân cư được tạo, lưu trữ, chia sẻ dữ liệu điện tử theo quy định",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "Sở Nội vụ, Văn phòng UBND tỉnh, Sở Thông tin và truyền thông",
         "trong năm 2024 và thực hiện thường xuyên"),
        ("Phối hợp Văn phòng Chính phủ, Bộ Kế hoạch và Đầu tư tích hợp, kết nối và chia sẻ dữ liệu doanh nghiệp giữa CSDLQG về đăng ký doanh nghiệp với Công DVCQG, Hệ thống thông tin giải quyết TTHC cấp tỉnh",
         "Sở Kế hoạch và Đầu tư, Sở Thông tin và truyền thông",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "trong tháng 3 năm 2024"),
        ("Rà soát, cải tiến quy trình tiếp nhận, hướng dẫn hỗ trợ người dân, doanh nghiệp tại Trung tâm phục vụ hành chính công tỉnh, Bộ phận Một cửa cấp huyện và cấp xã trên địa bàn tỉnh theo hướng lấy người dân, doanh nghiệp làm trung tâm, là chủ thể, là mục tiêu, động lực để cung cấp dịch vụ chất lượng hơn, phục vụ tốt hơn",
         "Văn phòng UBND tỉnh; UBND các huyện, thị xã, thành phố",
         "Các sở, ban, ngành, địa phương triển khai thực hiện",
         "tháng 6 năm 2024"),
    ],
    "specific_economy": [
        ("Phối hợp với các đơn vị có liên quan, xây dựng phương án để các tổ chức định danh và xác thực điện tử thực hiện việc kinh doanh dịch vụ định danh và xác thực điện tử cho các lĩnh vực của đời sống, xã hội đáp ứng nhu cầu của cơ quan, tổ chức, cá nhân trong sản xuất, kinh doanh trên nền tảng định danh và xác thực điện tử",
         "Công an tỉnh, Sở Thông tin và Truyền thông",
         "Các cơ quan, tổ chức và doanh nghiệp có liên quan",
         "trong năm 2024"),
        ("Đẩy mạnh chi trả an sinh xã hội không dùng tiền mặt theo chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị 21/CT-TTg, ngày 25/11/2022. Trong đó triển khai giải pháp chi trả an sinh xã hội qua VNeID",
         "Sở Lao động – Thương binh và Xã hội",
         "Công an tỉnh, các sở, ban, ngành, địa phương triển khai thực hiện",
         "theo hướng dẫn của Bộ, ngành trung ương"),
        ("Triển khai giải pháp chấm điểm khả tín để người dân tiếp cận được với nguồn vốn nhanh chóng, hiệu quả",
         "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh",
         "Công an tỉnh, các sở, ban, ngành, địa phương triển khai thực hiện",
         "tháng 3 năm 2024"),
        ("Hoàn thiện hệ thống công nghệ thông tin đối với hóa đơn điện tử, bảo đảm việc tiếp nhận, kết nối thông tin hóa đơn điện tử của cơ quan thuế đảm bảo thông suốt, thuận lợi, góp phần nâng cao hiệu quả công tác quản lý thuế",
         "Sở Tài Chính, Cục thuế tỉnh",
         "Sở Thông tin và Truyền thông, các cơ quan, tổ chức và doanh nghiệp có liên quan",
         "tháng 3 năm 2024"),
        ("Phối hợp với ngành Công an trong khai thác thông tin hiện có trên Cơ sở dữ liệu quốc gia về dân cư, lịch sử thường trú của học sinh trong tiếp nhận hồ sơ tuyển sinh, thi đại học, trung học phổ thông, trung học cơ sở. Tăng cường công tác kiểm tra đối với các cơ sở giáo dục về vấn đề hồ sơ của học sinh, sinh viên có yêu cầu nộp sổ hộ khẩu, sổ tạm trú, giấy xác nhận thông tin về cư trú",
         "Sở Giáo dục và Đào tạo",
         "UBND cấp huyện có liên quan",
         "thực hiện thường xuyên trong năm 2024"),
    ],
    "specific_digital_citizen": [
        ("Duy trì thu nhận hồ sơ cấp Căn cước công dân và Định danh điện tử đảm bảo 100% công dân đủ điều kiện được cấp Căn cước công dân và Định danh điện tử",
         "Công an tỉnh",
         "Các tổ công tác triển khai Đề án 06 cấp huyện, cấp xã",
         "thực hiện thường xuyên"),
        ("Phối hợp tích hợp, xác thực, hiển thị các thông tin, giấy tờ cá nhân trên ứng dụng VNeID, dần thay thế việc cung cấp các giấy tờ cá nhân trong thực hiện các giao dịch, thủ tục hành chính; triển khai các tiện ích trên VNeID như các DVC, sổ sức khỏe điện tử, sổ BHXH, an sinh xã hội, tiện ích loa phường",
         "Công an tỉnh",
         "các Tổ công tác triển khai Đề án 06 cấp huyện, cấp xã",
         "trong năm 2024"),
        ("Đảm bảo 100% thông tin công dân đang cư trú trên địa bàn được thu thập, cập nhật trên hệ thống Cơ sở dữ liệu quốc gia về dân cư; duy trì thường xuyên việc cập nhật, chỉnh sửa, bổ sung các thay đổi thông tin, di biến động dân cư, đảm bảo dữ liệu dân cư trên hệ thống luôn “đúng, đủ, sạch, sống”",
         "Công an tỉnh",
         "các Tổ công tác triển khai Đề án 06 cấp huyện, cấp xã",
         "thực hiện thường xuyên"),
    ],
    "specific_ecosystem": [
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về khiếu nại tố cáo và phòng, chống tham nhũng; Cơ sở dữ liệu quốc gia về quản lý tài sản, thu nhập",
         "Thanh tra tỉnh",
         "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về Khoa học và Công nghệ",
         "Sở Khoa học và Công nghệ; Thanh tra tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu công bố bản án, quyết định của Tòa án; cơ sở dữ liệu về hồ sơ vụ án; hệ thống quản lý án điện tử của Tòa án nhân dân để xác minh định danh điện tử đối với thông tin liên quan đến đương sự, bị can, bị cáo, người tham gia tố tụng hoặc xác minh thông tin chứng cứ của vụ án phục vụ cho hoạt động của Tòa án điện tử",
         "Tòa án nhân dân tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu thông tin Quyết định thi hành các biện pháp ngăn chặn đối với công dân đang trong quá trình điều tra; Cơ sở dữ liệu thống kê tư pháp, thống kê tội phạm; các Cơ sở dữ liệu khác liên quan đến công chức viên chức trong ngành",
         "Viện Kiểm sát nhân dân tỉnh",
         "Sở Nội vụ, Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với các Cơ sở dữ liệu chuyên ngành nông nghiệp và phát triển nông thôn trên địa bàn tỉnh",
         "Sở Nông nghiệp và Phát triển nông thôn",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương."),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với các Cơ sở dữ liệu của ngành Tư pháp như Cơ sở dữ liệu hộ tịch điện tử, Cơ sở dữ liệu lý lịch tư pháp, Cơ sở dữ liệu trợ giúp pháp lý",
         "Sở Tư pháp",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu thi hành án dân sự",
         "Chi cục Thi hành án dân sự tỉnh",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Hoàn thiện Hệ thống thông tin về nhà ở và thị trường bất động sản; kết nối, chia sẻ với Cơ sở dữ liệu đất đai quốc gia, Cơ sở dữ liệu quốc gia về dân cư",
         "Sở Xây dựng",
         "Sở Tài nguyên và Môi trường, Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Phối hợp kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu đất đai của tỉnh",
         "Sở Tài nguyên và Môi trường",
         "Sở Thông tin và Truyền thông, Công an tỉnh và các sở, ban ngành, địa phương liên quan",
         "ngay sau khi có hướng dẫn của Bộ, ngành trung ương"),
        ("Tiếp tục thực hiện số hóa, làm sạch dữ liệu các đối tượng hưởng trợ cấp an sinh xã hội. Thực hiện nhập thông tin người lao động, thông tin các hội, đoàn thể ở cơ sở trên nền Cơ sở dữ liệu quốc gia về dân cư",
         "Sở Lao động - Thương binh và Xã hội",
         "Công an tỉnh, các sở, ban ngành, Ủy ban nhân dân cấp huyện, cấp xã",
         "trong tháng 4 năm 2024"),
        ("Phối hợp kết nối, chia sẻ cơ sở dữ liệu về Lao động việc làm với Cơ sở dữ liệu quốc gia về dân cư",
         "Sở Lao động Thương binh và Xã hội",
         "Sở Thông tin và Truyền thông, Công an tỉnh",
         "trong Quý III năm 2024"),
        ("Phối hợp kết nối, chia sẻ cơ sở dữ liệu về các Cơ sở giáo dục nghề nghiệp trên địa bàn tỉnh với Cơ sở dữ liệu quốc gia về dân cư",
         "Sở Lao động Thương binh và Xã hội",
         "Sở Thông tin và Truyền thông, Công an tỉnh, các sở, ban, ngành, doanh nghiệp trên địa bàn tỉnh",
         "trong năm 2024"),
    ],
    "specific_leadership": [
        ("Phối hợp triển khai thực hiện cơ chế mở theo chỉ đạo của Trung ương, kết nối hệ thống IOC tỉnh và hệ thống Cơ sở dữ liệu quốc gia về dân cư để các sở, ngành, địa phương khai thác thông tin tổng hợp, phân tích từ IOC của Trung tâm dữ liệu quốc gia về dân cư giúp lãnh đạo tỉnh hoạch định chính sách tại địa phương",
         "Sở Thông tin và Truyền thông",
         "Văn phòng UBND tỉnh, Công an tỉnh và các sở, ban, ngành, địa phương liên quan",
         "thường xuyên trong năm 2024"),
        ("Duy trì đảm bảo các điều kiện về an ninh, an toàn thông tin đối với các hệ thống công nghệ thông tin của các sở, ngành, địa phương kết nối với hệ thống Cơ sở dữ liệu quốc gia về dân cư. rà soát, bổ sung các điều kiện bảo đảm an ninh, an toàn thông tin theo tiêu chuẩn của Trung tâm dữ liệu quốc gia",
         "Sở Thông tin và Truyền thông",
         "các sở, ban, ngành, địa phương liên quan",
         "thường xuyên năm 2024"),
        ("Cung cấp thông tin phân tích dữ liệu công dân đến độ tuổi tham gia nghĩa vụ quân sự",
         "Công an tỉnh",
         "Bộ Chỉ huy Quân sự tỉnh, các địa phương liên quan",
         "thực hiện thường xuyên"),
        ("Cung cấp thông tin phân tích dữ liệu dân cư trên địa bàn phục vụ công tác sắp xếp đơn vị hành chính cấp huyện, cấp xã",
         "Công an tỉnh",
         "Sở Nội vụ và các sở, ban, ngành, địa phương liên quan",
         "thực hiện thường xuyên"),
        ("Tiến hành rà soát các văn bản quy phạm pháp luật thuộc thẩm quyền Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh, kịp thời đề xuất sửa đổi, bổ sung hoặc ban hành mới phục vụ kết nối, khai thác, chia sẻ dữ liệu với Trung tâm dữ liệu quốc gia",
         "Sở Tư pháp",
         "Sở Thông tin và Truyền thông, Công an tỉnh, các sở, ban, ngành, địa phương liên quan",
         "thực hiện thường xuyên năm 2024 và theo tiến độ triển khai của Trung ương"),
        ("Phối hợp thực hiện các nhiệm vụ được giao thuộc Đề án Trung tâm dữ liệu quốc gia theo Nghị quyết số 175/NQ-CP ngày 30/10/2023 của Chính phủ",
         "Sở Thông tin và Truyền thông",
         "Văn phòng UBND tỉnh, Công an tỉnh, các sở, ban, ngành, địa phương liên quan",
         "thực hiện thường xuyên năm 2024 và theo tiến độ triển khai của Trung ương"),
    ],
    "specific_resources": [
        ("Bố trí kinh phí triển khai thực hiện Đề án 06/CP, Nghị quyết 175/NQ-CP năm 2024 đảm bảo đồng bộ, hiệu quả",
         "Sở Tài chính, Sở Kế hoạch và Đầu tư",
         "Sở Thông tin và Truyền thông, các sở, ban, ngành, địa phương liên quan",
         "quý I năm 2024"),
        ("Có kế hoạch đào tạo, bồi dưỡng nguồn nhân lực công nghệ thông tin, bồi dưỡng nhận thức, kỹ năng về công nghệ thông tin, chuyển đổi số cho cán bộ, công chức, viên chức đáp ứng yêu cầu công tác chuyển đổi số và thực hiện các nhiệm vụ của Đề án 06/CP",
         "Sở Nội vụ, Sở Thông tin và Truyền Thông",
         "các sở, ban, ngành, địa phương liên quan",
         "trong năm 2024"),
    ],
    "specific_communication": [
        ("",
         "Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình tỉnh, Báo Bà Rịa – Vũng Tàu",
         "các sở, ban, ngành, địa phương liên quan",
         "Thực hiện thường xuyên"),
    ],
}


# ---------------------------------------------------------------------------
# Building the values
# ---------------------------------------------------------------------------

def nfc(text):
    return unicodedata.normalize("NFC", text)


class Values(dict):
    """The "values" member: only non-empty values are stored."""

    def put(self, key, value):
        if value is None or value == "":
            return
        if key in self:
            raise SystemExit(f"make-samples: {key} set twice")
        self[key] = nfc(value)

    def header(self, fields):
        for name, value in fields.items():
            if isinstance(value, list):
                value = "\n".join(value)
            self.put(f"header/{name}", value)

    def paragraphs(self, section, items):
        ids = [f"p{i}" for i in range(1, len(items) + 1)]
        self.put(f"sec/{section}/order", ",".join(ids))
        for item, (level, text) in zip(ids, items):
            self.put(f"sec/{section}/{item}/text", text)
            self.put(f"sec/{section}/{item}/level", str(level))

    def documents(self, section, items):
        ids = [f"d{i}" for i in range(1, len(items) + 1)]
        self.put(f"sec/{section}/order", ",".join(ids))
        for item, fields in zip(ids, items):
            for name, value in zip(("type", "number", "date", "issuer", "summary"), fields):
                self.put(f"sec/{section}/{item}/{name}", value)

    def free(self, sections):
        for section, parts in sections.items():
            for part, text in parts.items():
                self.put(f"sec/{section}/{part}", text)

    def tasks(self, section, items):
        ids = [f"t{i}" for i in range(1, len(items) + 1)]
        self.put(f"sec/{section}/order", ",".join(ids))
        for item, fields in zip(ids, items):
            for name, value in zip(("content", "lead", "cooperating", "deadline"), fields):
                self.put(f"sec/{section}/{item}/{name}", value)

    def figures(self, figures):
        for name, value in figures.items():
            if isinstance(value, tuple):
                self.put(f"fig/{name}", value[0])
                self.put(f"fig/{name}/den", value[1])
            else:
                self.put(f"fig/{name}", value)

    def table(self, table, columns, rows):
        for key, cells in rows.items():
            for column, value in zip(columns, cells):
                self.put(f"tbl/{table}/{key}/{column}", value)


PROVINCE_COLUMNS = ("connection", "total", "online", "on_time", "overdue", "difficulties", "note")
DISTRICT_COLUMNS = ("connection", "unit", "total", "online")


def province_values():
    v = Values()
    v.header(PROVINCE_HEADER)
    for section, items in PROVINCE_DOCUMENTS.items():
        v.documents(section, items)
    v.free(PROVINCE_FREE)
    for section, items in PROVINCE_PARAGRAPHS.items():
        v.paragraphs(section, items)
    v.figures(PROVINCE_FIGURES)
    v.table("dvc25", PROVINCE_COLUMNS, PROVINCE_DVC25)
    v.table("qd422", PROVINCE_COLUMNS, PROVINCE_QD422)
    return v


def district_values():
    v = Values()
    v.header(DISTRICT_HEADER)
    for section, items in DISTRICT_DOCUMENTS.items():
        v.documents(section, items)
    v.free(DISTRICT_FREE)
    for section, items in DISTRICT_PARAGRAPHS.items():
        v.paragraphs(section, items)
    v.figures(DISTRICT_FIGURES)
    v.table("dvc_district", DISTRICT_COLUMNS, DISTRICT_DVC)
    v.table("qd422_district", DISTRICT_COLUMNS, DISTRICT_QD422)
    return v


def plan_values():
    v = Values()
    v.header(PLAN_HEADER)
    for section, items in PLAN_PARAGRAPHS.items():
        v.paragraphs(section, items)
    for section, items in PLAN_TASKS.items():
        v.tasks(section, items)
    return v


# ---------------------------------------------------------------------------
# Citing the figures: each number said once
# ---------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%)?(?![\d])")
DATE = re.compile(r"(?<![\d.])(?:\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}/\d{4})(?![\d.])")


def vn_int(n):
    return f"{n:,}".replace(",", ".")


def vn_ratio(num, den, decimals):
    """As Baocao prints a cited ratio: rounded half away from zero, a whole
    ratio without its decimals."""
    scaled = math.floor(num * 100 * 10 ** decimals / den + 0.5)
    whole, frac = divmod(scaled, 10 ** decimals)
    if decimals == 0 or frac == 0:
        return f"{vn_int(whole)}%"
    return f"{vn_int(whole)},{frac:0{decimals}d}%"


def section_figures(template):
    found = {}

    def walk(sections):
        for section in sections:
            if section["kind"] == "figures":
                found[section["id"]] = section["figures"]
            walk(section.get("children", []))
    walk(template["sections"])
    return found


def cite(text, figures, values):
    """The paragraph with the numbers it shares with its section's figures
    replaced by references: a figure's value as printed ("1.423.866"), its
    denominator after "/", and a percentage of the figure cited just before
    that Baocao prints the same way. Anything else stays as typed, so the
    seeds' own mistakes (a percentage that does not match) stay for the
    checks to find; a number below 10 is left too (the seeds write "02")."""
    dates = [m.span() for m in DATE.finditer(text)]
    out, done, last = [], 0, None
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue
        written, token = m.group(0), None
        if m.group(3):
            decimals = len(m.group(2) or "")
            if last and last.get("denominator"):
                num, den = int(values[f"fig/{last['id']}"]), int(values.get(f"fig/{last['id']}/den", "0"))
                if den and vn_ratio(num, den, decimals) == written:
                    token = "{{fig/%s/pct|%d}}" % (last["id"], decimals)
        elif not m.group(2):
            number = int(m.group(1).replace(".", ""))
            after_slash = text[:m.start()].rstrip().endswith("/")
            den = last and last.get("denominator") and values.get(f"fig/{last['id']}/den")
            if after_slash and den and vn_int(int(den)) == written:
                token = "{{fig/%s/den}}" % last["id"]
            elif number >= 10:
                for figure in figures:
                    if values.get(f"fig/{figure['id']}") == str(number) and vn_int(number) == written:
                        token, last = "{{fig/%s}}" % figure["id"], figure
                        break
        if token:
            out.append(text[done:m.start()])
            out.append(token)
            done = m.end()
    out.append(text[done:])
    return "".join(out)


def cite_figures(values, template):
    for section, figures in section_figures(template).items():
        prefix = f"sec/{section}/"
        for key in [k for k in values if k.startswith(prefix) and k.endswith("/text")]:
            values[key] = cite(values[key], figures, values)
    return values


# ---------------------------------------------------------------------------
# Outline A: the city's annual report, 2023
# ---------------------------------------------------------------------------

ELIDED = "…"

DISTRICT_ANNUAL_HEADER = {
    "supervising_body": "ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM",
    "issuing_body": "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU DÂN CƯ, ĐỊNH DANH VÀ XÁC THỰC ĐIỆN TỬ",
    "number": "550",
    "symbol": "BC-TCTĐA06",
    "place": "Phan Rang – Tháp Chàm",
    "date": "2023-12-18",
    "doc_type": "BÁO CÁO",
    "summary": "Kết quả triển khai, thực hiện Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030”",
    "legal_basis": "Thực hiện Công văn số 2532/TCTĐA06-CAT ngày 07/12/2023 của Tổ công tác Đề án 06 tỉnh về kiểm tra thực hiện Đề án 06 … năm 2023 …",
    # The outline says only "Closing sentence": the template's.
    "closing": "Trên đây là báo cáo kết quả triển khai, thực hiện Đề án 06 năm 2023./.",
    "cc": [
        "Tổ công tác Đề án 06 tỉnh",
        "Chủ tịch, các PCT UBND thành phố",
        "Các thành viên Tổ công tác thành phố",
        "Lưu: VT, CATP",
    ],
    "signer_authority": "TM.",
    "signer_body": "TỔ CÔNG TÁC ĐỀ ÁN 06",
    "signer_authority_title": "TỔ TRƯỞNG",
    "signer_title2": "CHỦ TỊCH UBND THÀNH PHỐ",
    "signer_name": "Nguyễn Thành Phú",
}

DISTRICT_ANNUAL_FREE = {
    "pilot_models": {
        "title": "Tiến độ, kết quả triển khai thực hiện các mô hình Đề án 06 theo Kế hoạch 4076/KH-UBND ngày 29/9/2023 của UBND tỉnh",
    },
    "linked_services": {
        "intro": "(Kế hoạch số 3578/KH-UBND ngày 26/8/2023 của UBND tỉnh)",
    },
}

# section: [(level, text)]; level 1 "-", 2 "+", 4 "1."
DISTRICT_ANNUAL_PARAGRAPHS = {
    "direction": [
        (1, "Kế hoạch số 21/KH-UBND ngày 19/01/2023 …"),
        (1, "Công văn số 1726-CV/TU ngày 10/11/2022 …"),
    ],
    "essential_services": [
        (1, "Từ 15/12/2022 – 06/12/2023: …"),
    ],
    "digitisation": [(0, ELIDED)],
    "pilot_models": [(1, ELIDED)],
    "linked_services": [
        (2, "Đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi: từ 15/12/2022 đến 30/11/2023 …"),
        (2, "Đăng ký khai tử – xóa đăng ký thường trú – trợ cấp mai táng phí: từ 15/12/2022 đến 30/11/2023 …"),
    ],
    "resources": [(1, ELIDED)],
    "shortcomings": [(1, ELIDED)],
    "obstacles": [(1, ELIDED)],
    "next_steps": [(4, ELIDED)] * 7,
    "proposals": [(1, ELIDED)],
}


def district_annual_values():
    v = Values()
    v.header(DISTRICT_ANNUAL_HEADER)
    v.free(DISTRICT_ANNUAL_FREE)
    for section, items in DISTRICT_ANNUAL_PARAGRAPHS.items():
        v.paragraphs(section, items)
    return v


# ---------------------------------------------------------------------------
# Outline B: the province's annual report, 2022
# ---------------------------------------------------------------------------

PROVINCE_ANNUAL_HEADER = {
    "supervising_body": "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
    "issuing_body": "BAN CHỈ ĐẠO TRIỂN KHAI ĐỀ ÁN 06",
    "place": "Trà Vinh",
    "doc_type": "BÁO CÁO",
    "summary": "Tình hình, kết quả thực hiện Đề án “Phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Trà Vinh năm 2022",
    "closing": "Trên đây là báo cáo tình hình, kết quả thực hiện Đề án 06 năm 2022./.",
    "cc": [
        "Bộ Công an (để báo cáo);",
        "Cục C06 – BCA (để biết);",
        ELIDED,
        "Lưu: VT, CSQLHC.",
    ],
    "signer_authority_title": "TRƯỞNG BAN",
    "signer_title2": "CHỦ TỊCH UBND TỈNH",
    "signer_name": "Lê Văn Hẳn",
}

# The outline names the directive documents of the footnotes by kind only
# (Công điện, Công văn, with number, date and issuer): the numbers are kept
# back, so the notes say what is cited and elide the rest.
NOTE_TTG = "Công điện số …/CĐ-TTg ngày …/…/2022 của Thủ tướng Chính phủ."
NOTE_TCT = "Công văn số …/TCTTKĐA ngày …/…/2022 của Tổ công tác triển khai Đề án 06 của Chính phủ."
NOTE_BO = "Công văn số … ngày …/…/2022 của Bộ, ngành."

# section: [(level, text, footnote)]; level 3 "(n)", 4 "1.", 1 "-"
PROVINCE_ANNUAL_PARAGRAPHS = {
    "direction_government": [(3, ELIDED, NOTE_TTG)] * 4 + [(3, ELIDED, NOTE_TCT)],
    "direction_ministries": [(3, ELIDED, NOTE_BO)] * 5,
    "direction_local": [
        (3, ELIDED, None),
        (3, ELIDED, None),
        (3, "… 09/09 huyện, thị xã, thành phố, 106/106 xã, phường, thị trấn và 756/756 ấp, khóm đã thành lập Tổ công tác triển khai Đề án 06 …", None),
    ],
    "communication": [(3, ELIDED, None), (3, ELIDED, None)],
    "institutions": [(1, ELIDED, None)],
    "decree_45": [(1, "Trong năm 2022, 2023: …", None), (1, "Trong năm 2024-2025: …", None)],
    "online_services": [(3, ELIDED, None), (3, ELIDED, None)],
    "economy": [(1, ELIDED, None)],
    "digital_citizen": [(3, ELIDED, None)] * 3,
    "ecosystem": [
        (3, ELIDED, None),
        (1, ELIDED, None),
        (3, ELIDED, None),
        (3, ELIDED, None),
    ],
    "strengths": [(1, ELIDED, None)],
    "weaknesses": [(1, ELIDED, None)],
    "proposals": [(4, ELIDED, None)] * 5,
    "next_steps": [(4, ELIDED, None)] * 10,
}

# The education table, as the outline gives it: "62.76%" typed with no
# denominator.
PROVINCE_ANNUAL_EDU = {
    "1": ("22670", "62.76", "2595", "96.11"),
    "2": ("72432", "81.12", "5476", "96.87"),
    "3": ("40233", "67.56", "3741", "96.87"),
    "4": ("27519", "96.73", "1794", "98.9"),
    "5": ("1443", "77.29", "247", "99.6"),
}

# There is no section II in the document: I, then III, IV, V.
PROVINCE_ANNUAL_FREE = {
    "assessment": {"number": "III."},
    "proposals": {"number": "IV."},
    "next_steps": {"number": "V."},
}


def province_annual_values():
    v = Values()
    v.header(PROVINCE_ANNUAL_HEADER)
    v.free(PROVINCE_ANNUAL_FREE)
    for section, items in PROVINCE_ANNUAL_PARAGRAPHS.items():
        v.paragraphs(section, [(level, text) for level, text, _ in items])
        for i, (_, _, note) in enumerate(items, 1):
            v.put(f"sec/{section}/p{i}/footnote", note)
    # the table follows item (2) of 7., the assessment: the third paragraph
    v.put("tbl/edu_verification/after", "p3")
    v.table("edu_verification", ("students", "students_ratio", "teachers", "teachers_ratio"),
            PROVINCE_ANNUAL_EDU)
    return v


# ---------------------------------------------------------------------------
# Emphasis as the seed prints it
# ---------------------------------------------------------------------------

REF = re.compile(r"\{\{((?:fig|tbl)/[a-z0-9_/\-]+)(?:\|([0-2]))?\}\}")
EMPHASIS = re.compile(r"\*\*(\S(?:[^*]*\S)?)\*\*|(?<![*\w])\*(\S(?:[^*]*\S)?)\*(?!\*)")
BULLET = re.compile(r"^(?:[-+]|\(\d+\))\s+")


def render(text, values):
    """The text as Baocao prints it, and where each reference went:
    (start, end, out_start, out_end)."""
    out, spans, done = [], [], 0
    length = 0
    for m in REF.finditer(text):
        key, decimals = m.group(1), m.group(2)
        parts = key.split("/")
        printed = "…"
        if parts[0] == "fig" and len(parts) == 2 and values.get(key):
            printed = vn_int(int(values[key]))
        elif parts[0] == "fig" and len(parts) == 3 and parts[2] == "den" and values.get(key):
            printed = vn_int(int(values[key]))
        elif parts[0] == "fig" and len(parts) == 3 and parts[2] == "pct":
            num, den = values.get("/".join(parts[:2])), values.get("/".join(parts[:2]) + "/den")
            if num and den and int(den):
                printed = vn_ratio(int(num), int(den), int(decimals) if decimals else 2)
        chunk = text[done:m.start()]
        out.append(chunk)
        length += len(chunk)
        spans.append((m.start(), m.end(), length, length + len(printed)))
        out.append(printed)
        length += len(printed)
        done = m.end()
    out.append(text[done:])
    return "".join(out), spans


def stored_at(spans, offset, closing):
    """The offset in the stored text of @offset in the printed one; a mark
    at the edge of a printed number goes outside its reference."""
    shift = 0
    for start, end, out_start, out_end in spans:
        if offset < out_start or (closing and offset == out_start):
            break
        if offset < out_end or (closing and offset == out_end):
            if offset not in (out_start, out_end):
                return None
            return start if offset == out_start else end
        shift = end - out_end
    return offset + shift


def seed_paragraphs(seed_text):
    """Each paragraph of the seed with emphasis: its plain text (no marks,
    no bullet) and the emphasised stretches in it."""
    found = {}
    for line in seed_text.split("\n"):
        line = nfc(line.strip())
        if "*" not in line:
            continue
        plain, spans, done = [], [], 0
        length = 0
        for m in EMPHASIS.finditer(line):
            chunk = line[done:m.start()]
            plain.append(chunk)
            length += len(chunk)
            words = m.group(1) or m.group(2)
            spans.append((length, length + len(words), "**" if m.group(1) else "*"))
            plain.append(words)
            length += len(words)
            done = m.end()
        plain.append(line[done:])
        text = "".join(plain)
        bullet = BULLET.match(text)
        cut = bullet.end() if bullet else 0
        if spans:
            found[text[cut:]] = [(a - cut, b - cut, mark) for a, b, mark in spans if a >= cut]
    return found


def emphasise(values, seed_text):
    """Puts the seed's bold and italic back into the paragraphs that print
    its words, around the numbers they cite where a number is bold."""
    paragraphs = seed_paragraphs(seed_text)
    for key in [k for k in values if k.split("/")[-1] in ("text", "summary", "content", "intro", "before", "after", "legal_basis", "closing")]:
        lines = values[key].split("\n")
        for i, line in enumerate(lines):
            printed, spans = render(line, values)
            bullet = BULLET.match(printed)
            cut = bullet.end() if bullet else 0
            marks = paragraphs.get(printed[cut:])
            if not marks:
                continue
            edits = []
            for a, b, mark in marks:
                start, end = stored_at(spans, a + cut, False), stored_at(spans, b + cut, True)
                if start is not None and end is not None:
                    edits.append((start, end, mark))
            for start, end, mark in sorted(edits, reverse=True):
                line = line[:start] + mark + line[start:end] + mark + line[end:]
            lines[i] = line
        values[key] = "\n".join(lines)
    return values


# The seeds the samples transcribe, for their emphasis: the project's
# shared folder beside the repository, or BAOCAO_SEEDS.
SEED_FILES = {
    "province-2024-05": "000_8454c18455c647df.txt",
    "district-2024-06": "001_cad848e43e028f68.txt",
    "annual-plan-2024": "004_1ff8b08ede08cfe8.txt",
}


def seed_text(name):
    folder = os.environ.get("BAOCAO_SEEDS") or os.path.join(SOURCE_ROOT, "..", "shared", "seeds")
    path = os.path.join(folder, SEED_FILES[name])
    if not os.path.exists(path):
        raise SystemExit(f"make-samples: {path} is missing: the seeds give the samples their emphasis "
                         "(set BAOCAO_SEEDS to their folder)")
    with open(path, encoding="utf-8") as f:
        return f.read()


# name, template, unit, period (dd/mm/yyyy), created = modified, values
SAMPLES = [
    ("province-2024-05", "province-monthly", "Tỉnh Bà Rịa - Vũng Tàu",
     ("21/04/2024", "20/05/2024"), "2024-05-24T08:00:00.000000Z", province_values),
    ("district-2024-06", "district-monthly", "Thành phố Phan Rang - Tháp Chàm",
     ("15/05/2024", "14/06/2024"), "2024-06-24T08:00:00.000000Z", district_values),
    ("annual-plan-2024", "annual-plan", "Tỉnh Bà Rịa - Vũng Tàu",
     ("01/01/2024", "31/12/2024"), "2024-01-25T08:00:00.000000Z", plan_values),
    ("district-annual-2023", "district-annual", "Thành phố Phan Rang - Tháp Chàm",
     ("15/12/2022", "14/12/2023"), "2023-12-18T08:00:00.000000Z", district_annual_values),
    ("province-annual-2022", "province-annual", "Tỉnh Trà Vinh",
     ("15/12/2021", "14/12/2022"), "2022-12-14T08:00:00.000000Z", province_annual_values),
]


# ---------------------------------------------------------------------------
# Running baocao
# ---------------------------------------------------------------------------

class Baocao:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.env = dict(os.environ)
        self.env["BAOCAO_DATADIR"] = os.path.join(SOURCE_ROOT, "data")
        self.env["LC_ALL"] = "C.UTF-8"
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, library, *args):
        command = [self.binary, args[0], "--library", os.path.join(self.workdir, library), *args[1:]]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"make-samples: {' '.join(command)}: {result.stderr.strip()}")
        return result.stdout


def build(baocao, name, template, unit, period, when, make_values):
    report_id = baocao.run("made.db", "new", "--template", template, "--unit", unit,
                           "--from", period[0], "--to", period[1]).strip()
    exported = json.loads(baocao.run("made.db", "export-json", report_id))
    values = emphasise(cite_figures(make_values(), exported["template"]), seed_text(name))
    for key in ("meta/unit", "meta/period_from", "meta/period_to", "meta/status"):
        values[key] = exported["values"][key]
    draft = {
        "format": exported["format"],
        "version": exported["version"],
        "uuid": str(uuid.uuid5(NAMESPACE, name)),
        "created": when,
        "modified": when,
        "previous": None,
        "template": exported["template"],
        "values": dict(sorted(values.items(), key=lambda kv: kv[0].encode())),
        "changes": [],
    }
    draft_path = os.path.join(baocao.workdir, name + ".draft.json")
    with open(draft_path, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=2)
    imported_id = baocao.run("verify.db", "import-json", draft_path).strip()
    out_path = os.path.join(baocao.workdir, name + ".json")
    baocao.run("verify.db", "export-json", imported_id, "-o", out_path)
    with open(out_path, encoding="utf-8") as f:
        final = f.read()
    if json.loads(final)["values"] != draft["values"]:
        raise SystemExit(f"make-samples: {name}: the values did not survive import and export")
    return final, values


def main(argv):
    if len(argv) not in (2, 3):
        usage = next(p for p in __doc__.split("\n\n") if p.startswith("Usage:"))
        print(usage, file=sys.stderr)
        return 64
    binary = os.path.abspath(argv[1])
    if not os.access(binary, os.X_OK):
        print(f"make-samples: {argv[1]} is not the baocao program", file=sys.stderr)
        return 64
    outdir = argv[2] if len(argv) == 3 else os.path.join(SOURCE_ROOT, "data", "samples")
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="baocao-samples-") as workdir:
        baocao = Baocao(binary, workdir)
        for name, template, unit, period, when, make_values in SAMPLES:
            text, values = build(baocao, name, template, unit, period, when, make_values)
            with open(os.path.join(outdir, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.write("\n")
            kinds = {}
            for key in values:
                kinds[key.split("/")[0]] = kinds.get(key.split("/")[0], 0) + 1
            detail = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
            print(f"{name}.json: {len(values)} values ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
