/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "bc-narrative.h"
#include "bc-test-utils.h"

/* The free-text scanner and the rules it applies.
 *
 * The seed tables below are the seeds' own sentences, copied verbatim
 * (markdown emphasis included) with the line they come from:
 *   seed 000 = 000_8454c18455c647df.txt, Bà Rịa - Vũng Tàu, May 2024
 *              (period 21/04/2024–20/05/2024, signed 24/05/2024)
 *   seed 001 = 001_cad848e43e028f68.txt, Phan Rang - Tháp Chàm, June 2024
 *              (period 15/05/2024–14/06/2024, signed 24/06/2024)
 * "correct" sentences must raise nothing, and the ratios and breakdowns
 * they hold must be recognised (holding = how many); "mistakes" must be
 * found with exactly these messages.  The table mistakes of the seeds are
 * in test-checker.c. */

typedef struct
{
  guint       line;
  const char *text;
  guint       holding;      /* ratio, breakdown and subset claims that hold */
  const char *found[4];     /* the messages, in order; NULL-terminated */
} Sentence;

typedef struct
{
  const char              *name;
  guint                    day_from, month_from, day_to, month_to, day_signed, month_signed;
  const BcNarrativeFigure *figures;
  guint                    n_figures;
} SeedContext;

/* The key figures with a denominator, as data/samples holds them. */
static const BcNarrativeFigure seed000_figures[] = {
  { 125, 125 }, { 996007, 1019623 }, { 17889, 26662 }, { 9499, 9582 }, { 11859, 12155 },
  { 31470, 37263 }, { 1047545, 615198 }, { 671290, 615198 },
};

static const BcNarrativeFigure seed001_figures[] = {
  { 313, 313 }, { 5036, 5036 }, { 3904, 7534 }, { 3904, 7534 }, { 2215, 2244 }, { 159593, 170491 },
  { 84471, 159593 }, { 2416, 159593 }, { 134425, 159593 }, { 66384, 170491 }, { 177, 624 },
  { 16074, 16089 }, { 15956, 16074 },
};

static const SeedContext seed000 = { "000", 21, 4, 20, 5, 24, 5, seed000_figures, G_N_ELEMENTS (seed000_figures) };
static const SeedContext seed001 = { "001", 15, 5, 14, 6, 24, 6, seed001_figures, G_N_ELEMENTS (seed001_figures) };

static const Sentence seed000_correct[] = {
    /* tỷ lệ đúng hạn 98,39% = (185.665 − 2.981) / 185.665: not a pattern, silent */
    { 47,
      "- Trong tháng 05/2024 Cổng dịch vụ công tỉnh đã tiếp nhận 211.510 hồ sơ, trả kết quả "
      "185.665 hồ sơ, trễ hạn 2.981 hồ sơ, tỷ lệ đúng hạn là 98,39% với 100% đánh giá Hải lòng. "
      "Đối với 25 dịch vụ công thiết yếu (*kết quả thực hiện theo Phụ lục 02 gửi kèm*).",
      0, { NULL } },
    /* “07 Quyết định” followed by the seven decisions: silent */
    { 49,
      "* Về công bố các TTHC đủ điều kiện thực hiện DVCTT theo quyết định công bố danh mục DVCTT "
      "của Bộ, ngành: Từ tháng 12/2023 đến tháng 5/2024 Chủ tịch UBND tỉnh đã ban hành 07 Quyết "
      "định: số 3748/QĐ-UBND ngày 27/12/2023 Công bố danh mục thủ tục hành chính thực hiện dịch "
      "vụ công trực tuyến toàn trình, danh mục thủ tục hành chính thực hiện dịch vụ công trực "
      "tuyến một phần trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bà Rịa-Vũng Tàu "
      "đã được công khai trên Cổng Dịch vụ công quốc gia thuộc phạm vi quản lý nhà nước của Sở "
      "Văn hoá và Thể thao tỉnh Bà Rịa – Vũng Tàu; số 3889/QĐ-UBND ngày 29/12/2023 Công bố danh "
      "mục thủ tục hành chính thực",
      0, { NULL } },
    /* “100% TTHC” with nothing to check it against */
    { 55,
      "* Về số hóa hồ sơ, kết quả TTHC: Đã triển khai thực hiện số hóa 100% TTHC khi tiếp nhận hồ "
      "sơ TTHC tại Trung tâm Phục vụ hành chính công, Bộ phận một cửa cấp huyện, cấp xã.",
      0, { NULL } },
    /* 125 cơ sở “đạt 100%” (figure 125/125) and 996.007/1.019.623 (đạt 97,7%) = 97,68% */
    { 63,
      "- Đã triển khai sử dụng thẻ CCCD gắn chip tích hợp BHYT trong khám chữa bệnh tại 125 cơ sở "
      "khám chữa bệnh, đạt 100% tổng số cơ sở khám chữa bệnh bảo hiểm y tế trên toàn tỉnh với "
      "708.891 lượt bệnh nhân tra cứu thông tin thẻ Bảo hiểm y tế bằng thẻ Căn cước công dân phục "
      "vụ làm thủ tục khám chữa bệnh BHYT. Tính đến 20/05/2024, hệ thống đã xác thực CCCD được "
      "996.007/1.019.623 người (đạt 97,7%). BHXH tỉnh đang tiếp tục phối hợp với Công an tỉnh và "
      "các Sở ban, ngành thực hiện rà soát xác thực CCCD.",
      2, { NULL } },
    /* “100% cơ sở”, “đạt tỷ lệ 100%”, “năm 2023-2024” */
    { 67,
      "+ Sở Giáo dục và Đào tạo chủ trì hướng dẫn 100% cơ sở giáo dục tại đô thị thu học phí "
      "không dùng tiền mặt. Tỷ lệ thu học phí đạt tỷ lệ 100%. Tiếp tục thống kê tỷ lệ học sinh "
      "nộp các khoản thu không dùng tiền mặt khi kết thúc học kỳ I năm 2023-2024.",
      0, { NULL } },
    /* 37.263 người, trong đó 31.470 ..., đạt tỷ lệ 84,4% = 84,45% (truncated) */
    { 71,
      "+ Sở Lao động Thương binh và Xã hội chi trả trợ cấp xã hội bằng hình thức chi trả không "
      "dùng tiền mặt theo hướng dẫn số 5234/LĐTĐBXH-TTTT ngày 23/12/2022 của Bộ Lao động Thương "
      "binh và Xã hội. Tổng số đối tượng hưởng chính sách An sinh xã trên địa bàn: 37.263 người, "
      "trong đó có 31.470 đối tượng có tài khoản tại ngân hàng, đạt tỷ lệ 84,4% (số liệu tính đến "
      "tháng 20/5/2024).",
      1, { NULL } },
    /* “6.697 cơ sở ... bao gồm: khách sạn, ...”: a list without counts */
    { 73,
      "- Công an tỉnh đã triển khai Phần mềm thông báo lưu trú ASM trên nền tảng VNeID, hiện đã "
      "tạo lập được 6.697 cơ sở lưu trú, cơ sở khám chữa bệnh trên địa bàn bao gồm: khách sạn, "
      "nhà nghỉ, nhà trọ, cơ sở khám chữa bệnh và các cơ sở khác có chức năng lưu trú.",
      0, { NULL } },
    /* 1.423.866 thẻ (bao gồm cấp mới, cấp đổi, cấp lại); 5.669 and 4.925 hồ sơ */
    { 77,
      "- Về cấp CCCD gắn chip: Đến nay Công an tỉnh đã cấp 1.423.866 thẻ CCCD gắn chip (bao gồm "
      "cấp mới, cấp đổi, cấp lại). Trong tháng, toàn tỉnh đã thu nhận được 5.669 hồ sơ cấp thẻ "
      "CCCD, 4.925 hồ sơ tài khoản định danh điện tử Mức 2.",
      0, { NULL } },
    /* hội viên counts, no total */
    { 85,
      "+ Cập nhật thông tin các Hội ở cơ sở lên hệ thống CSDLQG về DC, kết quả như sau: Hội người "
      "cao tuổi: 51.231 hội viên; Hội nông dân: 36.092 hội viên; Hội cựu chiến binh: 11.787 hội "
      "viên; Hội chữ thập đỏ: 9.486 hội viên, thông tin người lao động: 35.464 trường hợp.",
      0, { NULL } },
    /* 08 tin, 08 phóng sự; Luật Căn cước */
    { 101,
      "- Đài Phát thanh và Truyền hình tỉnh thực hiện trên 08 tin, 08 phóng sự trên sóng phát "
      "thanh, truyền hình và đăng tải trên các trang thông tin điện tử tuyên truyền về triển khai "
      "thực hiện Đề án 06 và dự án Cơ sở dữ liệu quốc gia về",
      0, { NULL } },
    /* “Trong đó,” opens a new sentence: 118.764 độc giả, 109.319 lượt */
    { 105,
      "- Công an tỉnh tổ chức thực hiện 06 lượt tin, bài, phóng sự đăng, phát sóng trong Chương "
      "trình An ninh BR-VT, Trang Thông tin điện tử Công an tỉnh, Trang fanpage Thanh niên Công "
      "an BR-VT. Trong đó, trên trang Thanh niên Công an tỉnh đã tiếp cận đến 118.764 độc giả "
      "trong và ngoài tỉnh với 109.319 lượt tương tác.",
      0, { NULL } },
    /* 27 mô hình, 05 nhóm; Kế hoạch số 299/KH ngày 09/11/2023 */
    { 113,
      "Ban Chỉ đạo triển khai Đề án 06 tỉnh đã ban hành Kế hoạch số 299/KH ngày 09/11/2023 về "
      "việc triển khai thực hiện triển khai thực hiện mô hình điểm nhằm đẩy mạnh thực hiện các "
      "nhiệm vụ tại Đề án 06 trên địa bàn tỉnh với 27 mô hình để đẩy mạnh 05 nhóm tiện ích của Đề "
      "án 06. Căn cứ nội dung Kế hoạch, các sở, ban, ngành, đoàn thể, UBND các huyện, thị xã, "
      "thành phố đang triển khai thực hiện các nhiệm vụ bằng hình thức phù hợp.",
      0, { NULL } },
    /* “mô hình 9, 11”; 1.608 vi phạm, 414 xử phạt, 471 không xử phạt: no breakdown claimed */
    { 117,
      "+ Công an tỉnh đang triển khai “mô hình 9, 11”, phần mềm thông báo lưu trú ASM trên nền "
      "tảng VNeID, hiện đã tạo lập được 6.697 cơ sở lưu trú, cơ sở khám chữa bệnh trên địa bàn "
      "bao gồm: khách sạn, nhà nghỉ, nhà trọ, cơ sở khám chữa bệnh và các cơ sở khác có chức năng "
      "lưu trú. “Mô hình 18” triển khai giải pháp xử phạt vi phạm trật tự, an toàn giao thông qua "
      "hệ thống Camera AI, ghi nhận 1.608 trường hợp vi phạm, xử phạt 414 trường hợp, số tiền là "
      "1.729.300.000 đ, đề xuất không xử phạt 471 trường hợp do lý do bất khả kháng, hết thời "
      "hiệu.",
      0, { NULL } },
    /* 125 cơ sở, đạt 100% (figure 125/125) */
    { 119,
      "+ Đã triển khai sử dụng thẻ CCCD gắn chip tích hợp BHYT trong khám chữa bệnh tại 125 cơ sở "
      "khám chữa bệnh, đạt 100% tổng số cơ sở khám",
      1, { NULL } },
    /* 04 Cơ sở Đào tạo; Mô hình số 17 */
    { 123,
      "+ Phối hợp Sở Giao thông vận tải, 04 Cơ sở Đào tạo, sát hạch, cấp giấy phép lái xe và Công "
      "ty DK VIET triển khai thiết bị đọc thẻ CCCD gắn chip điện tử tại các Trung tâm đào tạo, "
      "sát hạch lái xe theo Mô hình số 17 “Triển khai thiết bị giám sát thi, sát hạch lái xe”.",
      0, { NULL } },
    /* 17.889/26.662 đạt 67% (67,10%), 9.499/9.582 đạt 99% (99,13%), 11.859/12.155 đạt 98% (97,56%); the date removed */
    { 69,
      "+ BHXH tỉnh chi trả lương hưu, trợ cấp bảo hiểm xã hội hàng tháng bằng hình thức chi trả "
      "không dùng tiền mặt. Nhận trợ cấp hàng tháng 17.889/26.662 người đạt 67%; trợ cấp một lần "
      "9.499/9.582 người đạt 99%; trợ cấp thất nghiệp 11.859/12.155 người đạt 98%.",
      3, { NULL } },
    /* 1.047.545 tài khoản, đạt tỷ lệ thu nhận 170% against the figure 1.047.545/615.198 = 170,28% */
    { 79,
      "- Về phát triển tài khoản định danh điện tử trên ứng dụng VNeID: Theo chỉ tiêu Bộ Công an "
      "giao, tỉnh Bà Rịa – Vũng Tàu phải thu nhận và kích hoạt được 615.198 tài khoản. Đến nay đã "
      "thu nhận hồ sơ cấp 1.047.545 tài khoản, đạt tỷ lệ thu nhận 170%.",
      1, { NULL } },
};

static const Sentence seed000_mistakes[] = {
    /* 1.478 (545 + 941 = 1.486) */
    { 53,
      "Hiện nay tổng số DVCTT của tỉnh trên Cổng DVC quốc gia là 1.478 (545 DVCTT toàn trình, 941 "
      "DVCTT một phần). Các DVCTT của tỉnh được cung cấp trên Cổng DVC quốc gia đã được cấu hình, "
      "phê duyệt theo đúng quy định.",
      0, { "Tổng số ghi 1.478 nhưng 545 + 941 = 1.486", NULL } },
    /* a 2023 date in the May 2024 report */
    { 69,
      "+ BHXH tỉnh chi trả lương hưu, trợ cấp bảo hiểm xã hội hàng tháng bằng hình thức chi trả "
      "không dùng tiền mặt. Tính đến 17/5/2023, nhận trợ cấp hàng tháng 17.889/26.662 người đạt "
      "67%; trợ cấp một lần 9.499/9.582 người đạt 99%; trợ cấp thất nghiệp 11.859/12.155 người "
      "đạt 98%.",
      3, { "Số liệu “tính đến 17/05/2023” (năm 2023) nằm ngoài kỳ báo cáo 21/04/2024–20/05/2024", NULL } },
    /* lines 79-81: 671.290 /615.198 = 109,12%, written 108,3% after a paragraph break */
    { 79,
      "- Về phát triển tài khoản định danh điện tử trên ứng dụng VNeID: Theo chỉ tiêu Bộ Công an "
      "giao, tỉnh Bà Rịa – Vũng Tàu phải thu nhận và kích hoạt được 615.198 tài khoản. Đến nay đã "
      "thu nhận hồ sơ cấp 1.047.545 tài khoản, đạt tỷ lệ thu nhận 170%. Kích hoạt được 671.290 "
      "/615.198 tài khoản, đạt tỷ lệ\n\n108,3%.",
      1, { "Tỷ lệ ghi 108,3% nhưng 671.290 / 615.198 = 109,12%", NULL } },
};

static const Sentence seed001_correct[] = {
    /* “100% cán bộ” */
    { 43,
      "- Các cơ quan, Mặt trận tổ quốc và các đoàn thể thường xuyên quán triệt sâu rộng đến toàn "
      "thể cán bộ, công chức, viên chức các văn bản triển khai thực hiện Đề án 06, thực hiện cài "
      "đặt tài khoản định danh điện tử cho 100% cán bộ, công chức của đơn vị.",
      0, { NULL } },
    /* “Luật Căn cước năm 2023 có hiệu lực từ 01/7/2024”; 02 tin, 17 lượt, 15.000 lượt */
    { 49,
      "Thực hiện công tác tuyên truyền về các tiện ích của tài khoản định danh điện tử, Cổng dịch "
      "vụ công trực tuyến, phổ biến những điểm mới của Luật Căn cước năm 2023 có hiệu lực từ "
      "01/7/2024 tập trung vào các điểm mới của Luật Căn cước năm 2023: Đăng tải 02 tin, bài trên "
      "trang mạng xã hội (Zalo, Facebook,...), 17 lượt tuyên truyền qua loa đài, thu hút hơn "
      "15.000 lượt theo dõi, tương tác; đăng tải thông tin trên loa thông tin phường, xã, lồng "
      "ghép vào Hội nghị của Ban công tác mặt trận phường, Họp Ban chấp hành Đảng bộ phường mở "
      "rộng. Đẩy mạnh công tác tuyên truyền trực quan và góp phần xây dựng đội ngũ “hạt nhân kỹ "
      "năng số” tiên phong trong thực hiện dịch vụ công trực tuyến.",
      0, { NULL } },
    /* 199 cơ sở */
    { 55,
      "- Tạo tài khoản thông báo lưu trú trên cổng dịch vụ công cho **199** cơ sở lưu trú sử dụng "
      "phần mềm quản lý lưu trú ASM.",
      0, { NULL } },
    /* 313/313 hồ sơ, no percentage */
    { 63,
      "+ Bộ phận phận tiếp nhận và trả kết quả thành phố: Trong tháng đã số hóa **313/313** hồ "
      "sơ, kết quả giải quyết thủ tục hành chính.",
      0, { NULL } },
    /* 5.036/5.036 hồ sơ, no percentage */
    { 65,
      "+ Bộ phận phận tiếp nhận và trả kết quả phường, xã: Trong tháng đã số hóa **5.036/5.036** "
      "hồ sơ, kết quả giải quyết thủ tục hành chính.",
      0, { NULL } },
    /* “đạt 100% trên các lĩnh vực” */
    { 67,
      "- Đối với lực lượng Công an đã số hóa hồ sơ kết quả giải quyết thủ tục hành chính đạt 100% "
      "trên các lĩnh vực: Cấp quản lý thẻ CCCD; Đăng ký quản quản lý phương tiện giao thông cơ "
      "giới đường bộ; Định danh điện tử; Quản lý xuất nhập cảnh; Quản lý ngành nghề kinh doanh có "
      "điều kiện; PCCC; Khiếu nại, tố cáo.",
      0, { NULL } },
    /* “15 cá nhân/02 tập thể”, “13.998 tờ khai/24.152 phương tiện” are no ratios; “cụ thể” without a total */
    { 71,
      "- Tính đến ngày 04/6/2024, Công an các phường, xã đã cập nhật thông tin trên Cơ sở dữ liệu "
      "quốc gia về dân cư, cụ thể Hội Người cao tuổi: **2.781** trường hợp, Hội Nông dân: "
      "**1.994** trường hợp, Hội Cựu chiến binh: **133** trường hợp, Hội Chữ thập đỏ: **15** cá "
      "nhân/02 tập thể, Người có công: **555** trường hợp, Thông tin người lao động: **27.736** "
      "trường hợp, Thông tin phương tiện: **13.998** tờ khai/24.152 phương tiện.",
      0, { NULL } },
    /* 332 tài khoản, trong đó 256 và 76 (= 332); 252 hồ sơ (218 tờ khai) is no breakdown */
    { 77,
      "- Công tác thu nhận hồ sơ CCCD và tài khoản định danh điện tử tháng 6 năm 2024 (từ "
      "10/5/2024 – 03/6/2024): Thu nhận **252** hồ sơ cấp CCCD (*tiếp nhận 218 tờ khai CCCD trực "
      "tuyến*), thu nhận **466** hồ sơ định danh điện tử mức 2 và **159** hồ sơ định danh điện tử "
      "mức 1; kích hoạt thành công **332** tài khoản, trong đó có **256** tài khoản định danh mức "
      "2 và **76** tài khoản định danh mức 1. Tiếp nhận **02** đề nghị xác nhận số CMND, số CCCD "
      "qua Cổng dịch vụ công trực tuyến.",
      1, { NULL } },
    /* 02 trường hợp (phường Tân Tài, Phú Hà) */
    { 87,
      "+ Khắc phục trường hợp hộ không chủ hộ **02** trường hợp (phường Tân Tài, Phú Hà).",
      0, { NULL } },
    /* 04 trường hợp (04 trường hợp không có CMND 9 số) */
    { 89,
      "+ Đối với các trường hợp tại phân hệ DC01 mở rộng – Thiếu CMND 9 số: Đã xử lý **04** "
      "trường hợp (*04 trường hợp không có CMND 9 số*).",
      0, { NULL } },
    /* Tính đến 03/6/2024: 390 and 5.413 trường hợp */
    { 91,
      "+ Đối với các trường hợp tại phân hệ DC01 mở rộng – Thiếu các trường thông tin (*Tính đến "
      "03/6/2024*): Đã cập nhật bổ sung thông tin **390** trường hợp, xác nhận không có thông tin "
      "để cập nhật **5.413** trường hợp.",
      0, { NULL } },
    /* 100, 214, 75, 8.953 trường hợp, no total */
    { 95,
      "+ Đối với các trường hợp tại phân hệ DC01 mở rộng – Sai lệch dữ liệu dân cư với dữ liệu "
      "Điện lực: **100** trường hợp công dân có lịch sử thường trú tại địa bàn, **214** trường "
      "hợp công dân có lịch sử tạm trú trên địa bàn, **75** trường hợp công dân hiện đang thường "
      "trú/tạm trú trên địa bàn, **8.953** trường hợp công dân chưa từng thường trú/tạm trú trên "
      "địa bàn.",
      0, { NULL } },
    /* 159.593/170.491 đạt 93,61% (93,608%) */
    { 101,
      "+ Khởi tạo Hồ sơ sức khỏe (phần A): **159.593/170.491** đạt 93,61%.",
      1, { NULL } },
    /* 84.471/159.593 đạt 52,93% (52,929%) */
    { 103,
      "+ Số Hồ sơ sức khỏe đã cập nhật tiền sử và yếu tố nguy cơ (phần B): **84.471/159.593** đạt "
      "52,93%.",
      1, { NULL } },
    /* 2.416/159.593 đạt 1,51% (1,514%) */
    { 105,
      "+ Số Hồ sơ sức khỏe đã cập nhật thông tin tiêm chủng (phần C): **2.416/159.593** đạt 1,51% "
      "(*có phần mềm quản lý tiêm chủng riêng*).",
      1, { NULL } },
    /* 134.425/159.593 đạt 84,23% (84,2299%) */
    { 107,
      "+ Số Hồ sơ sức khỏe đã cập nhật thông tin khám chữa bệnh (phần D): **134.425/159.593** đạt "
      "84,23%.",
      1, { NULL } },
    /* 66.384/170.491 đạt 38,94% (38,937%) */
    { 109,
      "+ Số người dân đã cài ứng dụng Sổ khám chữa bệnh điện tử: **66.384/170.491** đạt 38,94%.",
      1, { NULL } },
    /* đạt tỷ lệ 28,36% (177 lượt/624 lượt) = 28,365% */
    { 111,
      "- Triển khai thực hiện mã QR để thanh toán tại 02 Phòng khám đa khoa khu vực Phan Rang và "
      "Tháp Chàm: Số lượt được quét thanh toán từ trong tháng là **177** lượt, với tổng số tiền "
      "quét thanh toán là: **21.159.782** đồng, đạt tỷ lệ 28,36% (*177 lượt/624 lượt phát sinh "
      "thu*).",
      1, { NULL } },
    /* Kế hoạch số 961/KH-TTYT ngày 23/9/2022; 27 lượt */
    { 113,
      "- Đã xây dựng Kế hoạch số 961/KH-TTYT ngày 23/9/2022 về việc triển khai thí điểm khám "
      "bệnh, chữa bệnh từ xa tại Trạm Y tế xã Thành Hải; Số lượt được thực hiện trong tháng là 27 "
      "lượt (*có mở sổ lưu danh sách tại trạm*).",
      0, { NULL } },
    /* 16.089 lượt */
    { 117,
      "+ Tổng số lượt khám chữa bệnh chung là **16.089** lượt.",
      0, { NULL } },
    /* 99,91% (16.074/16.089) = 99,907%; 99,26% (15.956/16.074) = 99,266% (truncated) */
    { 119,
      "+ Tổng số lượt khám chữa bệnh bằng CCCD: **16.074** lượt, đạt tỷ lệ 99,91% "
      "(**16.074/16.089**). Trong đó: Số lượt tra cứu thành công là: **15.956** lượt, đạt tỷ lệ "
      "99,26% (**15.956/16.074**).",
      2, { NULL } },
    /* “100% người dân” */
    { 166,
      "2. Đẩy mạnh thương mại điện tử, thanh toán không dùng tiền mặt đối với chi trả lương hưu, "
      "trợ cấp an sinh xã hội, cấp tài khoản an sinh xã hội cho các đối tượng được hưởng chính "
      "sách an sinh xã hội chưa có tài khoản và thực hiện chi trả trợ cấp an sinh xã hội không "
      "dùng tiền mặt cho 100% người dân đã có tài khoản.",
      0, { NULL } },
    /* “10 điểm mới” */
    { 171,
      "4. Tổ chức tuyên truyền, phổ biến, quán triệt sâu, rộng đến toàn thể cán bộ, công chức, "
      "viên chức, lực lượng vũ trang và nhân dân nhận thức đầy đủ, sâu sắc các nội dung cơ bản và "
      "trách nhiệm của các ngành, đoàn thể trong triển khai tài khoản định danh điện tử VNeID "
      "trong dịch vụ công trực tuyến, Luật Căn cước năm 2023 có hiệu lực từ 01/7/2024 tập trung "
      "“10 điểm mới của luật Căn cước”.",
      0, { NULL } },
    /* 8.229 and 4.700 trường hợp */
    { 73,
      "- Cập nhật đối tượng được hưởng trợ cấp an sinh xã hội theo dữ liệu từ Bộ, Ban ngành đồng "
      "bộ với Cơ sở dữ liệu quốc gia về dân cư **8.229** trường hợp, cập nhập bổ sung dữ liệu từ "
      "Cơ sở dữ liệu quốc gia về dân cư **4.700** trường hợp.",
      0, { NULL } },
};

static const Sentence seed001_mistakes[] = {
    /* 3.904 / 7.534 = 51,82%, written 51,78% twice (the second found through the key figure 3.904/7.534); “đạt 100% so với tổng số đối tượng có tài khoản” stays silent */
    { 73,
      "- Cập nhật đối tượng được hưởng trợ cấp an sinh xã hội theo dữ liệu từ Bộ, Ban ngành đồng "
      "bộ với Cơ sở dữ liệu quốc gia về dân cư **8.229** trường hợp, cập nhập bổ sung dữ liệu từ "
      "Cơ sở dữ liệu quốc gia về dân cư **4.700** trường hợp. Tính đến ngày 03/6/2024, Công an "
      "thành phố phối hợp với Phòng Lao động – Thương binh và Xã hội thành phố triển khai thu "
      "thập, cập nhật thông tin an sinh xã hội và chi trả trợ cấp an sinh xã hội qua tài khoản "
      "ngân hàng, cụ thể: Rà soát **7.534** trường hợp thuộc diện an sinh xã hội trên địa bàn, "
      "trong đó có **3.904** trường hợp có tài khoản ngân hàng (*đạt tỷ lệ 51,78% so với tổng đối "
      "tượng quản lý trên địa bàn*), thực hiện chi trả qua tài khoản ngân hàng **3.904** trường "
      "hợp (*đạt tỷ lệ 51,78% so với tổng đối tượng quản lý trên địa bàn và đạt 100% so với tổng "
      "số đối tượng có tài khoản ngân hàng*) với tổng số tiền **1.584.779.000** đồng.",
      0, { "Tỷ lệ ghi 51,78% nhưng 3.904 / 7.534 = 51,82%", "Tỷ lệ ghi 51,78% nhưng 3.904 / 7.534 = 51,82%", NULL } },
    /* 2.244 trường hợp, cụ thể: 2.215 + 17 = 2.232 */
    { 85,
      "+ Triển khai thực hiện rà soát đối với **2.244** trường hợp xác minh phạm nhân nguồn C10, "
      "cụ thể: Đã rà soát cập nhật thông tin **2.215** trường hợp, **17** trường hợp Công an "
      "phường, xã đang tiếp tục rà soát.",
      0, { "Tổng số ghi 2.244 nhưng 2.215 + 17 = 2.232", NULL } },
};

static void
dates_for (const SeedContext *seed,
           BcNarrativeDates  *dates)
{
  g_date_clear (&dates->period_from, 1);
  g_date_clear (&dates->period_to, 1);
  g_date_clear (&dates->report_date, 1);
  g_date_set_dmy (&dates->period_from, (GDateDay) seed->day_from, (GDateMonth) seed->month_from, 2024);
  g_date_set_dmy (&dates->period_to, (GDateDay) seed->day_to, (GDateMonth) seed->month_to, 2024);
  g_date_set_dmy (&dates->report_date, (GDateDay) seed->day_signed, (GDateMonth) seed->month_signed, 2024);
}

/* Scans @text, judges every claim: the messages of those that fail are
 * returned, the ratios and breakdowns that hold are counted. */
static GPtrArray *
judge_text (const char               *text,
            const BcNarrativeDates   *dates,
            const BcNarrativeFigure  *figures,
            guint                     n_figures,
            guint                    *holding,
            GPtrArray               **rules)
{
  g_autoptr(GPtrArray) claims = bc_narrative_scan (text, -1, figures, n_figures);
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  *holding = 0;
  if (rules)
    *rules = g_ptr_array_new ();
  for (guint i = 0; i < claims->len; i++)
    {
      BcClaim *claim = claims->pdata[i];
      BcVerdict verdict;

      g_assert_cmpuint (claim->start, <, claim->end);
      g_assert_cmpuint (claim->end, <=, strlen (text));
      if (bc_claim_judge (claim, dates, &verdict))
        {
          g_ptr_array_add (messages, g_strdup (verdict.message));
          if (rules)
            g_ptr_array_add (*rules, (gpointer) verdict.rule);
          bc_verdict_clear (&verdict);
        }
      else if (claim->kind == BC_CLAIM_RATIO || claim->kind == BC_CLAIM_BREAKDOWN
               || claim->kind == BC_CLAIM_SUBSET || claim->kind == BC_CLAIM_COUNT)
        (*holding)++;
    }
  return messages;
}

static void
check_sentences (const SeedContext *seed,
                 const Sentence    *sentences,
                 guint              n,
                 guint             *holding_total)
{
  BcNarrativeDates dates;

  dates_for (seed, &dates);
  for (guint i = 0; i < n; i++)
    {
      const Sentence *s = &sentences[i];
      guint holding, expected = 0;
      g_autoptr(GPtrArray) messages = judge_text (s->text, &dates, seed->figures, seed->n_figures,
                                                  &holding, NULL);

      while (s->found[expected])
        expected++;
      for (guint m = 0; m < messages->len; m++)
        g_test_message ("seed %s line %u: %s", seed->name, s->line, (char *) messages->pdata[m]);
      g_assert_cmpuint (messages->len, ==, expected);
      for (guint m = 0; m < expected; m++)
        g_assert_cmpstr (messages->pdata[m], ==, s->found[m]);
      if (holding != s->holding)
        g_test_message ("seed %s line %u: %u claims hold, %u expected", seed->name, s->line, holding, s->holding);
      g_assert_cmpuint (holding, ==, s->holding);
      *holding_total += holding;
    }
}

static void
test_seed_correct (void)
{
  guint holding = 0;

  check_sentences (&seed000, seed000_correct, G_N_ELEMENTS (seed000_correct), &holding);
  check_sentences (&seed001, seed001_correct, G_N_ELEMENTS (seed001_correct), &holding);
  g_test_message ("%u correct seed sentences stay silent; %u ratios and breakdowns in them recognised and found right",
                  (guint) (G_N_ELEMENTS (seed000_correct) + G_N_ELEMENTS (seed001_correct)), holding);
  g_assert_cmpuint (holding, ==, 17);
}

static void
test_seed_mistakes (void)
{
  guint holding = 0;

  check_sentences (&seed000, seed000_mistakes, G_N_ELEMENTS (seed000_mistakes), &holding);
  check_sentences (&seed001, seed001_mistakes, G_N_ELEMENTS (seed001_mistakes), &holding);
}

/* Number parsing */

typedef struct
{
  const char *text;
  gboolean    ok;
  double      value;
  guint       decimals;
  gboolean    percent;
  gsize       end;
} NumberCase;

static const NumberCase number_cases[] = {
  { "1.234", TRUE, 1234, 0, FALSE, 5 },
  { "1.234,5", TRUE, 1234.5, 1, FALSE, 7 },
  { "97,61%", TRUE, 97.61, 2, TRUE, 6 },
  { "97,61 %", TRUE, 97.61, 2, TRUE, 7 },
  { "98.08%", TRUE, 98.08, 2, TRUE, 6 },          /* the stray English decimal point */
  { "98.08 %", TRUE, 98.08, 2, TRUE, 7 },
  { "1.5%", TRUE, 1.5, 1, TRUE, 4 },
  { "98.08", TRUE, 98, 0, FALSE, 2 },              /* without "%" a dot is no decimal point */
  { "1.234%", TRUE, 1234, 0, TRUE, 6 },            /* three digits after a dot: thousands */
  { "1.047.545", TRUE, 1047545, 0, FALSE, 9 },
  { "1.729.300.000 đ", TRUE, 1729300000, 0, FALSE, 13 },
  { "27238", TRUE, 27238, 0, FALSE, 5 },
  { "07", TRUE, 7, 0, FALSE, 2 },
  { "100%", TRUE, 100, 0, TRUE, 4 },
  { "0", TRUE, 0, 0, FALSE, 1 },
  { "3,762", TRUE, 3.762, 3, FALSE, 5 },           /* a comma is the decimal separator */
  { "9, 11", TRUE, 9, 0, FALSE, 1 },
  { "12.925).", TRUE, 12925, 0, FALSE, 6 },
  { "2.244.", TRUE, 2244, 0, FALSE, 5 },
  { "2.1.", TRUE, 2, 0, FALSE, 1 },
  { "1.23", TRUE, 1, 0, FALSE, 1 },
  { "1.2345", TRUE, 1, 0, FALSE, 1 },
  { "2024.123", TRUE, 2024, 0, FALSE, 4 },        /* no grouping after four digits */
  { "0,5%", TRUE, 0.5, 1, TRUE, 4 },
  { "108,3%.", TRUE, 108.3, 1, TRUE, 6 },
  { "97,00%", TRUE, 97, 2, TRUE, 6 },
  { "999.999.999.999.999", TRUE, 999999999999999.0, 0, FALSE, 19 },
  { "1.000.000.000.000.000", FALSE, 0, 0, FALSE, 0 },   /* more than 15 digits */
  { "1234567890123456", FALSE, 0, 0, FALSE, 0 },
  { "1,1234567", FALSE, 0, 0, FALSE, 0 },               /* more than 6 decimals */
  { "", FALSE, 0, 0, FALSE, 0 },
  { "a1", FALSE, 0, 0, FALSE, 0 },
  { ",5", FALSE, 0, 0, FALSE, 0 },
};

static void
test_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      const NumberCase *c = &number_cases[i];
      BcVnNumber n;
      gboolean ok = bc_vn_number_parse (c->text, strlen (c->text), &n);

      g_test_message ("“%s”", c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (!ok)
        continue;
      g_assert_cmpfloat_with_epsilon (n.value, c->value, 1e-9);
      g_assert_cmpuint (n.decimals, ==, c->decimals);
      g_assert_cmpint (n.is_percent, ==, c->percent);
      g_assert_cmpint (n.is_integer, ==, c->decimals == 0);
      g_assert_cmpuint (n.end, ==, c->end);
    }
}

static void
test_number_to_string (void)
{
  static const char * const cases[][2] = {
    { "1.047.545", "1.047.545" }, { "108,3%", "108,3%" }, { "98.08%", "98,08%" }, { "97,00%", "97,00%" },
    { "0,5%", "0,5%" }, { "07", "7" }, { "1.234,5", "1.234,5" }, { "51,78%", "51,78%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BcVnNumber n;
      g_autofree char *text = NULL;

      g_assert_true (bc_vn_number_parse (cases[i][0], strlen (cases[i][0]), &n));
      text = bc_vn_number_to_string (&n);
      g_assert_cmpstr (text, ==, cases[i][1]);
    }
}

/* The rounding rule: within one unit of the last written digit. */

typedef struct
{
  const char *stated;
  double      a;
  double      b;
  gboolean    agrees;
} PercentCase;

static const PercentCase percent_cases[] = {
  { "89,7%", 8979, 10000, TRUE },                  /* truncated */
  { "89,8%", 8979, 10000, TRUE },                  /* rounded */
  { "89,6%", 8979, 10000, FALSE },
  { "108,3%", 671290, 615198, FALSE },             /* 109,12 % */
  { "109,1%", 671290, 615198, TRUE },
  { "67%", 17889, 26662, TRUE },                   /* 67,10 % */
  { "99%", 9499, 9582, TRUE },                     /* 99,13 % */
  { "98%", 11859, 12155, TRUE },                   /* 97,56 %, rounded up */
  { "170%", 1047545, 615198, TRUE },               /* 170,28 % */
  { "97,7%", 996007, 1019623, TRUE },              /* 97,68 % */
  { "84,4%", 31470, 37263, TRUE },                 /* 84,45 % */
  { "28,36%", 177, 624, TRUE },                    /* 28,365 %, truncated */
  { "99,26%", 15956, 16074, TRUE },                /* 99,266 %, truncated */
  { "99,91%", 16074, 16089, TRUE },
  { "1,51%", 2416, 159593, TRUE },
  { "17,5%", 390, 2220, TRUE },                    /* 17,57 % */
  { "83%", 1067, 2010, FALSE },                    /* 53,08 % */
  { "99%", 910, 912, TRUE },                       /* 99,78 % */
  { "88,1%", 3315, 3762, TRUE },                   /* 88,12 % */
  { "97,00%", 2138, 2204, TRUE },                  /* 97,005 % */
  { "92,22%", 711, 771, TRUE },                    /* 92,218 % */
  { "100%", 969, 1869, FALSE },                    /* 51,85 % */
  /* 3.904 / 7.534 = 51,818 %: four units of the second decimal from
   * 51,78 %, so by the rule this is a mistake (the seed's 51,78 % fits
   * 3.904 / 7.539). */
  { "51,78%", 3904, 7534, FALSE },
  { "51,82%", 3904, 7534, TRUE },
  { "51,78%", 3904, 7539, TRUE },
  /* Exactly one unit away is outside. */
  { "99%", 100, 100, FALSE },
  { "99,9%", 1000, 1000, FALSE },
  { "101%", 100, 100, FALSE },
  { "100%", 100, 100, TRUE },
  { "0%", 0, 963, TRUE },
  { "98.08%", 9808, 10000, TRUE },
  { "98.08%", 9806, 10000, FALSE },
};

static void
test_percent_rule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (percent_cases); i++)
    {
      const PercentCase *c = &percent_cases[i];
      BcVnNumber stated;

      g_test_message ("%s for %g/%g", c->stated, c->a, c->b);
      g_assert_true (bc_vn_number_parse (c->stated, strlen (c->stated), &stated));
      g_assert_cmpint (bc_percent_agrees (100 * c->a / c->b, &stated), ==, c->agrees);
    }
  {
    BcVnNumber stated;
    g_assert_true (bc_vn_number_parse ("50%", 3, &stated));
    g_assert_false (bc_percent_agrees (NAN, &stated));
    g_assert_false (bc_percent_agrees (INFINITY, &stated));
  }
}

/* One case per pattern and rule, in a May 2024 report (21/04–20/05/2024,
 * signed 24/05/2024). */

typedef struct
{
  const char *text;
  guint       holding;
  const char *rule;         /* the rule of the one finding, or NULL */
  const char *message;
} RuleCase;

static const BcNarrativeFigure rule_figures[] = { { 1047545, 615198 }, { 125, 125 }, { 500, 1000 } };

static const RuleCase rule_cases[] = {
  /* ratios: fraction first, percentage first, "trong đó", a key figure */
  { "Đã kích hoạt 671.290/615.198 tài khoản, đạt 109,12%.", 1, NULL, NULL },
  { "Đã kích hoạt 671.290/615.198 tài khoản, đạt 108,3%.", 0, "narrative.ratio",
    "Tỷ lệ ghi 108,3% nhưng 671.290 / 615.198 = 109,12%" },
  { "Xử lý 45/50 hồ sơ (90%).", 1, NULL, NULL },
  { "Xử lý 45/50 hồ sơ = 92%.", 0, "narrative.ratio", "Tỷ lệ ghi 92% nhưng 45 / 50 = 90,00%" },
  { "Tỷ lệ 90% (45/50).", 1, NULL, NULL },
  { "Tỷ lệ 80% (45/50).", 0, "narrative.ratio", "Tỷ lệ ghi 80% nhưng 45 / 50 = 90,00%" },
  { "đạt tỷ lệ 28,36% (177 lượt/624 lượt phát sinh thu)", 1, NULL, NULL },
  { "Tổng số 200 hồ sơ, trong đó có 50 hồ sơ trực tuyến, đạt tỷ lệ 25%.", 1, NULL, NULL },
  { "Tổng số 200 hồ sơ, trong đó có 50 hồ sơ trực tuyến (đạt 30%).", 0, "narrative.ratio",
    "Tỷ lệ ghi 30% nhưng 50 / 200 = 25,00%" },
  { "Đã thu nhận 1.047.545 tài khoản, đạt tỷ lệ 170%.", 1, NULL, NULL },
  { "Đã thu nhận 1.047.545 tài khoản, đạt tỷ lệ 160%.", 0, "narrative.ratio",
    "Tỷ lệ ghi 160% nhưng 1.047.545 / 615.198 = 170,28%" },
  { "Đã thu nhận 1.047.546 tài khoản, đạt tỷ lệ 160%.", 0, NULL, NULL },   /* no such figure */
  /* in capitals, as a heading is typed: the words read in lower case */
  { "ĐÃ THU NHẬN 1.047.545 TÀI KHOẢN, ĐẠT TỶ LỆ 160%.", 0, "narrative.ratio",
    "Tỷ lệ ghi 160% nhưng 1.047.545 / 615.198 = 170,28%" },
  { "ĐÃ SỐ HÓA 996/1.000 HỒ SƠ, ĐẠT 100%.", 0, "narrative.full",
    "Ghi đạt 100% nhưng 996 / 1.000 = 99,60%, chưa đủ" },
  { "CẤP CHO ĐỢT 2 LÀ 120 THẺ (ĐỢT 1 CẤP 80 THẺ).", 0, NULL, NULL },
  { "KÍCH HOẠT 332 TÀI KHOẢN, TRONG ĐÓ CÓ 256 TÀI KHOẢN MỨC 2 VÀ 96 TÀI KHOẢN MỨC 1.", 0,
    "narrative.breakdown", "Tổng số ghi 332 nhưng 256 + 96 = 352" },
  { "Có 500 hồ sơ, tăng 20% so với tháng trước.", 0, NULL, NULL },          /* no "đạt" */
  /* "đạt 100%" claims all of them */
  { "Đã số hóa 313/313 hồ sơ, đạt 100%.", 1, NULL, NULL },
  { "Đã số hóa 996/1.000 hồ sơ, đạt 100%.", 0, "narrative.full",
    "Ghi đạt 100% nhưng 996 / 1.000 = 99,60%, chưa đủ" },
  { "Đã số hóa 1.004/1.000 hồ sơ, đạt 100%.", 0, "narrative.full",
    "Ghi đạt 100% nhưng 1.004 / 1.000 = 100,40%, vượt quá 100%" },
  { "Đã số hóa 900/1.000 hồ sơ, đạt 100%.", 0, "narrative.ratio",
    "Tỷ lệ ghi 100% nhưng 900 / 1.000 = 90,00%" },
  /* breakdowns */
  { "Tổng số DVCTT là 1.478 (545 DVCTT toàn trình, 933 DVCTT một phần).", 1, NULL, NULL },
  { "Tổng số DVCTT là 1.478 (545 DVCTT toàn trình, 941 DVCTT một phần).", 0, "narrative.breakdown",
    "Tổng số ghi 1.478 nhưng 545 + 941 = 1.486" },
  /* parentheses may leave a part out */
  { "Tổng số DVCTT là 1.478 (545 DVCTT toàn trình, 900 DVCTT một phần).", 1, NULL, NULL },
  { "Tiếp nhận 250 hồ sơ (120 hồ sơ trực tuyến, 80 hồ sơ đúng hạn).", 1, NULL, NULL },
  { "Có 120 đơn vị (30 xã, 90 phường).", 0, NULL, NULL },                    /* different units */
  { "Có 120 xã (trong đó 30 xã, 90 xã).", 1, NULL, NULL },
  { "Kích hoạt 332 tài khoản, trong đó có 256 tài khoản mức 2 và 76 tài khoản mức 1.", 1, NULL, NULL },
  { "Kích hoạt 332 tài khoản, trong đó có 256 tài khoản mức 2 và 96 tài khoản mức 1.", 0,
    "narrative.breakdown", "Tổng số ghi 332 nhưng 256 + 96 = 352" },
  /* "trong đó" may name some of the parts only */
  { "Kích hoạt 332 tài khoản, trong đó có 256 tài khoản mức 2 và 16 tài khoản mức 1.", 1, NULL, NULL },
  { "Rà soát 2.244 trường hợp, cụ thể: đã cập nhật 2.215 trường hợp, 29 trường hợp đang rà soát.", 1, NULL, NULL },
  { "Rà soát 2.244 trường hợp, cụ thể: đã cập nhật 2.215 trường hợp, 17 trường hợp đang rà soát.", 0,
    "narrative.breakdown", "Tổng số ghi 2.244 nhưng 2.215 + 17 = 2.232" },
  { "Tiếp nhận 100 hồ sơ, gồm 60 hồ sơ trực tuyến, 40 hồ sơ trực tiếp.", 1, NULL, NULL },
  { "Tiếp nhận 100 hồ sơ, trong đó 120 hồ sơ trực tuyến.", 0, "narrative.subset",
    "Trong tổng số 100 lại có 120, nhiều hơn tổng số" },
  { "Tiếp nhận 100 hồ sơ, trong đó 80 hồ sơ trực tuyến.", 1, NULL, NULL },
  /* dates */
  { "Tính đến 20/05/2024, đã cấp 1.000 thẻ.", 0, NULL, NULL },
  { "Tính đến ngày 23/05/2024, đã cấp 1.000 thẻ.", 0, NULL, NULL },          /* after the period, before signing */
  { "Tính đến 30/05/2024, đã cấp 1.000 thẻ.", 0, "date.as_of",
    "Số liệu “tính đến 30/05/2024” nhưng báo cáo ký ngày 24/05/2024" },
  { "Tính đến 17/5/2023, đã cấp 1.000 thẻ.", 0, "date.as_of",
    "Số liệu “tính đến 17/05/2023” (năm 2023) nằm ngoài kỳ báo cáo 21/04/2024–20/05/2024" },
  { "Tính đến 31/03/2024, đã cấp 1.000 thẻ.", 0, NULL, NULL },              /* same year */
  { "Phấn đấu tính đến 31/12/2024 đạt 100% chỉ tiêu.", 0, NULL, NULL },    /* a target */
  { "Ngày 30/5/2024 sẽ tổ chức hội nghị sơ kết.", 0, NULL, NULL },
  { "Trong tháng 05/2024 đã tiếp nhận 211.510 hồ sơ.", 0, NULL, NULL },
  { "Trong tháng 4/2024 đã tiếp nhận 211.510 hồ sơ.", 0, NULL, NULL },     /* overlaps 21–30/4 */
  { "Trong tháng 03/2024 đã tiếp nhận 211.510 hồ sơ.", 0, "date.month",
    "Ghi “tháng 03/2024” nhưng kỳ báo cáo là 21/04/2024–20/05/2024" },
  { "Trong tháng 05 năm 2023 đã tiếp nhận 211.510 hồ sơ.", 0, "date.month",
    "Ghi “tháng 05/2023” nhưng kỳ báo cáo là 21/04/2024–20/05/2024" },
  { "Trong tháng 6/2024 sẽ tổ chức hội nghị.", 0, NULL, NULL },            /* a later month: a plan */
  { "Từ tháng 12/2023 đến tháng 5/2024 đã ban hành 07 Quyết định.", 0, NULL, NULL },
  /* a document cited with a date after the report's (signed 24/05/2024) */
  { "Căn cứ Công văn số 1580/TCTTKĐA ngày 22/5/2024 của Tổ Công tác.", 0, NULL, NULL },
  { "Căn cứ Công văn số 1580/TCTTKĐA ngày 24/5/2024 của Tổ Công tác.", 0, NULL, NULL },
  { "Căn cứ Công văn số 1580/TCTTKĐA ngày 25/5/2024 của Tổ Công tác.", 0, "date.citation",
    "Văn bản số 1580/TCTTKĐA ngày 25/05/2024, sau ngày báo cáo 24/05/2024" },
  { "Thực hiện Kế hoạch số 16A/KH-BCĐ, ngày 30/6/2024 của Ban Chỉ đạo.", 0, "date.citation",
    "Văn bản số 16A/KH-BCĐ ngày 30/06/2024, sau ngày báo cáo 24/05/2024" },
  /* a total and its parts far apart in one sentence */
  { "Toàn tỉnh đã bố trí 89 điểm tiếp nhận hồ sơ theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ, Điều 5 Quyết định số 1254/QĐ-UBND, tại Bộ phận 01 cửa các cấp theo Kế hoạch số 46/KH-UBND "
    "(cấp tỉnh 9, cấp huyện 80).", 1, NULL, NULL },
  { "Toàn tỉnh đã bố trí 86 điểm tiếp nhận hồ sơ theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ, Điều 5 Quyết định số 1254/QĐ-UBND, tại Bộ phận 01 cửa các cấp theo Kế hoạch số 46/KH-UBND "
    "(cấp tỉnh 9, cấp huyện 80).", 0, "narrative.breakdown", "Tổng số ghi 86 nhưng 9 + 80 = 89" },
  { "Toàn tỉnh đã bố trí 95 điểm tiếp nhận hồ sơ theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ, tại Bộ phận 01 cửa các cấp (gồm cấp tỉnh 9, cấp huyện 80).", 0, "narrative.breakdown",
    "Tổng số ghi 95 nhưng 9 + 80 = 89" },
  { "Đã thành lập 104 Tổ công tác cấp xã theo Kế hoạch số 46/KH-UBND ngày 18/3/2022, Điều 3 Quyết định số "
    "1254/QĐ-UBND (gồm cấp xã 90, cấp thị trấn 10).", 0, "narrative.breakdown",
    "Tổng số ghi 104 nhưng 90 + 10 = 100" },
  { "Công an tỉnh đã cấp 1.200.000 thẻ CCCD gắn chip theo Thông tư số 59/2021/TT-BCA ngày 15/5/2021 của Bộ Công an "
    "(cấp mới 500.000, cấp đổi 800.000).", 0, "narrative.breakdown",
    "Tổng số ghi 1.200.000 nhưng 500.000 + 800.000 = 1.300.000" },
  /* without "gồm" the parentheses may leave a part out */
  { "Toàn tỉnh đã bố trí 95 điểm tiếp nhận hồ sơ theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính "
    "phủ, tại Bộ phận 01 cửa các cấp (cấp tỉnh 9, cấp huyện 80).", 1, NULL, NULL },
  /* a percentage whose base the sentence stated before */
  { "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến (91,11%), trong đó giải quyết đúng hạn 3.900 hồ sơ, đạt tỷ lệ 95,12%.",
    2, NULL, NULL },
  { "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến (91,11%), trong đó giải quyết đúng hạn 3.900 hồ sơ, đạt tỷ lệ 86,67%.",
    2, NULL, NULL },
  { "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến (91,11%), trong đó trễ hạn 200 hồ sơ, tỷ lệ đúng hạn đạt 95,12%.",
    2, NULL, NULL },
  { "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến (91,11%), trong đó giải quyết đúng hạn 3.900 hồ sơ, đạt tỷ lệ 92,5%.",
    1, "narrative.ratio", "Tỷ lệ ghi 92,5% nhưng 3.900 / 4.500 = 86,67%, 3.900 / 4.100 = 95,12%" },
  { "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến, giải quyết đúng hạn 3.900 hồ sơ, đạt tỷ lệ 90%.",
    0, "narrative.ratio", "Tỷ lệ ghi 90% nhưng 3.900 / 4.500 = 86,67%, 3.900 / 4.100 = 95,12%" },
  { "Đã cập nhật 2.215/2.244 trường hợp, trong đó 2.100 trường hợp có tài khoản, đạt tỷ lệ 97%.",
    0, "narrative.ratio", "Tỷ lệ ghi 97% nhưng 2.100 / 2.244 = 93,58%, 2.100 / 2.215 = 94,81%" },
  /* the same with the count far from its percentage: which count it is
   * said of is not certain, so nothing */
  { "Đã cập nhật 2.215/2.244 trường hợp, trong đó 2.100 trường hợp có tài khoản ngân hàng, đạt tỷ lệ 97%.",
    0, NULL, NULL },
  /* a total split over "+" paragraphs after "Trong đó:" */
  { "Thành phố tiếp nhận trực tuyến 12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu, đạt 80%. Trong đó:\n"
    "+ 25 dịch vụ công thiết yếu theo Đề án 06: tiếp nhận trực tuyến 7.000/9.000 hồ sơ, đạt 77,78%.\n"
    "+ 28 dịch vụ công thiết yếu theo Quyết định 422/QĐ-TTg: tiếp nhận trực tuyến 5.000/6.000 hồ sơ, đạt 83,33%.",
    5, NULL, NULL },
  { "Thành phố tiếp nhận trực tuyến 12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu, đạt 80%. Trong đó:\n"
    "+ 25 dịch vụ công thiết yếu theo Đề án 06: tiếp nhận trực tuyến 7.000/9.000 hồ sơ, đạt 77,78%.\n"
    "+ 28 dịch vụ công thiết yếu theo Quyết định 422/QĐ-TTg: tiếp nhận trực tuyến 5.100/6.000 hồ sơ, đạt 85%.",
    4, "narrative.breakdown", "Tổng số ghi 12.000 nhưng 7.000 + 5.100 = 12.100" },
  /* the services add up, so the dossiers must too */
  { "Thành phố tiếp nhận trực tuyến 12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu. Trong đó:\n"
    "+ 25 dịch vụ công thiết yếu theo Đề án 06: tiếp nhận trực tuyến 6.000/9.000 hồ sơ.\n"
    "+ 28 dịch vụ công thiết yếu theo Quyết định 422/QĐ-TTg: tiếp nhận trực tuyến 5.000/6.000 hồ sơ.",
    2, "narrative.breakdown", "Tổng số ghi 12.000 nhưng 6.000 + 5.000 = 11.000" },
  /* a stated number of listed items */
  { "Đã kết nối thanh toán không dùng tiền mặt với 09 ngân hàng, gồm 09 ngân hàng: Vietcombank, BIDV, Agribank, "
    "VietinBank, MB, Techcombank, ACB, Sacombank và SHB.", 2, NULL, NULL },
  { "Đã kết nối thanh toán không dùng tiền mặt gồm 09 ngân hàng: Vietcombank, BIDV, Agribank, VietinBank, MB, "
    "Techcombank, ACB và Sacombank.", 0, "narrative.count", "Ghi “gồm 09 ngân hàng” nhưng liệt kê 8" },
  { "Đã kết nối thanh toán không dùng tiền mặt gồm 09 ngân hàng: Vietcombank, BIDV, Agribank, VietinBank, MB, "
    "Techcombank, ACB, Sacombank, SHB và TPBank.", 0, "narrative.count", "Ghi “gồm 09 ngân hàng” nhưng liệt kê 10" },
  { "(2) Nhóm tiện ích phát triển kinh tế - xã hội (bao gồm 02 mô hình)\n"
    "+ Mô hình 3: Khám chữa bệnh sử dụng thẻ Căn cước công dân: đã triển khai tại 12 cơ sở.\n"
    "+ Mô hình 4: Triển khai tại các điểm chứng thực.\n"
    "(3) Nhóm tiện ích phục vụ công dân số (bao gồm 01 mô hình)\n"
    "+ Mô hình 5: Công dân số.", 2, NULL, NULL },
  { "(2) Nhóm tiện ích phát triển kinh tế - xã hội (bao gồm 03 mô hình)\n"
    "+ Mô hình 3: Khám chữa bệnh sử dụng thẻ Căn cước công dân: đã triển khai tại 12 cơ sở.\n"
    "+ Mô hình 4: Triển khai tại các điểm chứng thực.\n"
    "(3) Nhóm tiện ích phục vụ công dân số (bao gồm 01 mô hình)\n"
    "+ Mô hình 5: Công dân số.", 1, "narrative.count", "Ghi “gồm 03 mô hình” nhưng liệt kê 2" },
};


static void
test_rules (void)
{
  SeedContext may = { "May 2024", 21, 4, 20, 5, 24, 5, rule_figures, G_N_ELEMENTS (rule_figures) };
  BcNarrativeDates dates;

  dates_for (&may, &dates);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      const RuleCase *c = &rule_cases[i];
      g_autoptr(GPtrArray) rules = NULL;
      g_autoptr(GPtrArray) messages = NULL;
      guint holding;

      g_test_message ("“%s”", c->text);
      messages = judge_text (c->text, &dates, rule_figures, G_N_ELEMENTS (rule_figures), &holding, &rules);
      g_assert_cmpuint (holding, ==, c->holding);
      g_assert_cmpuint (messages->len, ==, c->rule ? 1 : 0);
      if (c->rule)
        {
          g_assert_cmpstr (rules->pdata[0], ==, c->rule);
          g_assert_cmpstr (messages->pdata[0], ==, c->message);
        }
    }
}

/* Sentences in the style of the reports that look like the new patterns
 * but are right, by the class they imitate; all must stay silent (a May
 * 2024 report, 21/04–20/05/2024, signed 24/05/2024). */
typedef struct
{
  guint       klass;   /* the class: 1 far total, 2 implied base, 3 groups, 5 citation, 7 count */
  const char *text;
} CleanCase;

static const CleanCase clean_cases[] = {
  /* 1: a total far from its parts */
  { 1, "Toàn tỉnh đã bố trí 89 điểm tiếp nhận hồ sơ theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ "
       "tại Bộ phận 01 cửa các cấp (cấp tỉnh 9, cấp huyện 80)." },
  { 1, "Công an tỉnh đã cấp 1.423.866 thẻ CCCD gắn chip theo Thông tư số 59/2021/TT-BCA ngày 15/5/2021 của Bộ Công an "
       "(cấp mới 500.000, cấp đổi 700.000)." },
  { 1, "Đã thành lập 106 Tổ công tác cấp xã theo Kế hoạch số 46/KH-UBND ngày 18/3/2022, Điều 3 Quyết định số "
       "1254/QĐ-UBND (trong đó cấp xã 90, cấp thị trấn 10)." },
  { 1, "Trung tâm Phục vụ hành chính công tiếp nhận 2.500 hồ sơ tại Bộ phận 01 cửa theo Quyết định số 1291/QĐ-UBND "
       "ngày 12/5/2023 (trực tuyến 1.800, trực tiếp 700)." },
  { 1, "Tuyên truyền tại 75 điểm theo Điều 5 Kế hoạch số 21/KH-UBND ngày 19/01/2023, Khoản 2 Điều 7 (thành thị 30, "
       "nông thôn 40)." },
  { 1, "Huyện đã bố trí 24 máy tính, 12 máy quét theo Công văn số 3613/UBND-VP ngày 08/4/2024 (cấp huyện 4, cấp xã 20)." },
  { 1, "Bố trí 30 cán bộ theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 tại trụ sở số 30/4 đường 3/2 (nam 18, nữ 12)." },
  { 1, "Đã lắp đặt 86 camera AI tại các điểm du lịch theo Kế hoạch số 4076/KH-UBND ngày 29/9/2023 (gồm cấp tỉnh 6, "
       "cấp huyện 80)." },
  /* 2: a percentage beside fractions, of its own base or of one of theirs */
  { 2, "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến (91,11%), trong đó giải quyết đúng hạn 3.900 hồ sơ, đạt tỷ lệ 95,12%." },
  { 2, "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến, giải quyết 3.900 hồ sơ, đạt tỷ lệ 86,67%." },
  { 2, "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến, trễ hạn 200 hồ sơ, tỷ lệ đúng hạn đạt 95,12%." },
  { 2, "Tiếp nhận 4.100/4.500 hồ sơ trực tuyến, giải quyết đúng hạn 3.900 hồ sơ, đạt 95,12% (3.900/4.100)." },
  { 2, "Thu nhận 5.669/6.000 hồ sơ CCCD, 4.925 hồ sơ định danh mức 2, đạt 98% kế hoạch." },
  { 2, "Tổng đài 113 hoạt động 24/7, tiếp nhận 1.200 cuộc gọi, tỷ lệ xử lý đạt 98%." },
  { 2, "Đã có 09/09 huyện, 106/106 xã thành lập Tổ công tác, 756 thôn, đạt tỷ lệ 100%." },
  { 2, "Trụ sở tại đường 30/4 tiếp nhận 120 hồ sơ, đạt tỷ lệ 95%." },
  { 2, "Kích hoạt 671.290/615.198 tài khoản, trong đó 500.000 tài khoản mức 2, chiếm 81,27%." },
  { 2, "Xác thực 996.007/1.019.623 người, còn 23.616 người chưa xác thực, chiếm 2,32%." },
  { 2, "Ngày 15/5 tiếp nhận 300 hồ sơ, đạt tỷ lệ 97%." },
  { 2, "Theo Nghị định số 45/2020/NĐ-CP, đã số hóa 2.400 hồ sơ, đạt tỷ lệ 85%." },
  /* 3: a total with "+" paragraphs after "Trong đó:" */
  { 3, "Thành phố tiếp nhận trực tuyến 12.000/15.000 hồ sơ của 53 dịch vụ công thiết yếu. Trong đó:\n"
       "+ 25 dịch vụ công thiết yếu theo Đề án 06: tiếp nhận trực tuyến 7.000/9.000 hồ sơ.\n"
       "+ 28 dịch vụ công thiết yếu theo Quyết định 422/QĐ-TTg: tiếp nhận trực tuyến 5.000/6.000 hồ sơ." },
  { 3, "Tiếp nhận 600 hồ sơ. Trong đó:\n+ Trực tuyến: 500 hồ sơ.\n+ Đúng hạn: 450 hồ sơ." },
  { 3, "Toàn huyện tiếp nhận 500 hồ sơ của 20 thủ tục. Trong đó:\n- Trực tuyến: 300 hồ sơ của 15 thủ tục.\n"
       "- Đúng hạn: 450 hồ sơ của 20 thủ tục." },
  { 3, "Tiếp nhận 12.000/15.000 hồ sơ của 53 dịch vụ. Trong đó:\n"
       "+ Cấp tỉnh: 53 dịch vụ, 7.000/9.000 hồ sơ.\n+ Cấp huyện: 53 dịch vụ, 5.000/6.000 hồ sơ." },
  { 3, "Tiếp nhận 12.000/15.000 hồ sơ của 53 dịch vụ. Trong đó:\n"
       "+ 25 dịch vụ thiết yếu: 7.000/9.000 hồ sơ.\n+ 20 dịch vụ khác: 4.000/5.000 hồ sơ." },
  { 3, "Toàn huyện có 45 xã, 2.300 cán bộ. Trong đó:\n- Khu vực 1: 20 xã, 1.000 cán bộ.\n- Khu vực 2: 25 xã, 1.300 cán bộ." },
  { 3, "Rà soát 1.000 trường hợp, 200 hộ. Trong đó:\n+ Phường 1: 300 trường hợp.\n+ Phường 2: 400 trường hợp." },
  { 3, "Tổ chức 12 lớp tập huấn cho 600 lượt cán bộ. Cụ thể:\n+ Cấp tỉnh: 2 lớp, 100 lượt cán bộ.\n"
       "+ Cấp huyện: 10 lớp, 500 lượt cán bộ." },
  { 3, "Kết quả tháng 5 năm 2024. Trong đó:\n+ Ngày 15/5/2024: 300 hồ sơ.\n+ Ngày 16/5/2024: 200 hồ sơ." },
  /* 5: documents cited on or before the report date, or with no date */
  { 5, "Căn cứ Công văn số 1580/TCTTKĐA ngày 22/5/2023 của Tổ Công tác triển khai Đề án 06 của Chính phủ." },
  { 5, "Thực hiện Quyết định số 06/QĐ-TTg, ngày 06/01/2022 của Thủ tướng Chính phủ." },
  { 5, "Căn cứ Kế hoạch số 67/KH-UBND ngày 24/5/2024 của UBND thành phố." },
  { 5, "Căn cứ Nghị định số 59/2022/NĐ-CP quy định về định danh và xác thực điện tử." },
  { 5, "Luật Căn cước năm 2023 có hiệu lực từ ngày 01/7/2024." },
  { 5, "Dự kiến ngày 30/5/2024 tổ chức sơ kết Đề án 06." },
  /* 7: counts of items */
  { 7, "Đã kết nối với 09 ngân hàng, trong đó: Vietcombank, BIDV, Agribank." },
  { 7, "Phối hợp gồm 03 đơn vị: Sở Văn hóa và Thể thao, Sở Y tế, Công an tỉnh." },
  { 7, "Ban Chỉ đạo gồm 02 đồng chí: đồng chí Nguyễn Văn A, Phó Giám đốc Công an tỉnh; đồng chí Trần Văn B, "
       "Trưởng phòng Cảnh sát quản lý hành chính." },
  { 7, "Thực hiện gồm 05 nhóm tiện ích: phục vụ thủ tục hành chính, phát triển kinh tế, công dân số, v.v." },
  { 7, "Tổ công tác gồm 04 thành viên: Nguyễn Văn A, Trưởng ban, Trần Văn B và Lê Thị C." },
  { 7, "Triển khai gồm 02 mô hình:\n+ Mô hình 1: Triển khai 15 dịch vụ công thiết yếu trên VNeID.\n"
       "+ Mô hình 2: Triển khai cung cấp dịch vụ công trực tuyến trên VNeID.\n- Kết quả: đã hoàn thành." },
  { 7, "Tiếp tục thực hiện gồm 03 nội dung: tuyên truyền, hướng dẫn và kiểm tra." },
  { 7, "Hệ thống gồm 02 phân hệ: tiếp nhận; trả kết quả." },
  { 7, "Đã cấp 1.423.866 thẻ CCCD gắn chip (bao gồm cấp mới, cấp đổi, cấp lại)." },
  { 7, "Mô hình điểm gồm 24 mô hình thuộc 05 nhóm tiện ích khác nhau theo Kế hoạch số 299/KH-BCĐ." },
};

static void
test_clean (void)
{
  SeedContext may = { "May 2024", 21, 4, 20, 5, 24, 5, rule_figures, G_N_ELEMENTS (rule_figures) };
  guint per_class[8] = { 0 };
  BcNarrativeDates dates;

  dates_for (&may, &dates);
  for (guint i = 0; i < G_N_ELEMENTS (clean_cases); i++)
    {
      guint holding;
      g_autoptr(GPtrArray) messages = judge_text (clean_cases[i].text, &dates, rule_figures,
                                                  G_N_ELEMENTS (rule_figures), &holding, NULL);

      g_test_message ("class %u: “%s”", clean_cases[i].klass, clean_cases[i].text);
      for (guint m = 0; m < messages->len; m++)
        g_test_message ("  found: %s", (char *) messages->pdata[m]);
      g_assert_cmpuint (messages->len, ==, 0);
      per_class[clean_cases[i].klass]++;
    }
  g_test_message ("clean sentences per class: 1: %u, 2: %u, 3: %u, 5: %u, 7: %u", per_class[1], per_class[2],
                  per_class[3], per_class[5], per_class[7]);
  g_assert_cmpuint (G_N_ELEMENTS (clean_cases), >=, 40);
}

/* Pairs that are no ratios and years that are no reporting dates. */
static void
test_silent (void)
{
  static const char * const texts[] = {
    "Hội Chữ thập đỏ: 15 cá nhân/02 tập thể, đạt 100% kế hoạch.",
    "Thông tin phương tiện: 13.998 tờ khai/24.152 phương tiện, đạt 58%.",
    "Ngày 15/5, tỷ lệ hồ sơ trực tuyến đạt 90%.",
    "Từ 15/5 đến 20/5, tỷ lệ đạt 90%.",
    "Theo Nghị định số 42/2022/NĐ-CP, đạt 100%.",
    "Cấp điện mới từ lưới điện hạ áp (220/380V) đạt 100%.",
    "khi kết thúc học kỳ I năm 2023-2024.",
    "những điểm mới của Luật Căn cước năm 2023 có hiệu lực từ 01/7/2024.",
    "giai đoạn 2022-2025, tầm nhìn đến năm 2030",
    "Luật Giao dịch điện tử (hiệu lực thi hành từ 01/7/2024).",
    "Đã hoàn thành nhiệm vụ năm 2023. Tổng số thí sinh năm 2023: 12.925). Tỷ lệ 100% đăng ký trực tuyến.",
    "4 tháng đầu năm 2024 và phương hướng Quý II năm 2024",
    "tại 02 Phòng khám (Phan Rang, Tháp Chàm)",
    "1.423.866 thẻ CCCD (bao gồm cấp mới, cấp đổi, cấp lại)",
    "(Từ 10/5/2024 đến 04/6/2024)",
    "tăng 5% (từ 100 lên 105 hồ sơ)",
    "Số: 254 /BC-TCTĐA06",
    "tỷ lệ (45%, 55%)",
  };
  SeedContext may = { "May 2024", 21, 4, 20, 5, 24, 5, NULL, 0 };
  BcNarrativeDates dates;

  dates_for (&may, &dates);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) claims = bc_narrative_scan (texts[i], -1, NULL, 0);

      g_test_message ("“%s”", texts[i]);
      for (guint k = 0; k < claims->len; k++)
        {
          BcClaim *claim = claims->pdata[k];
          BcVerdict verdict;

          g_assert_cmpint (claim->kind, !=, BC_CLAIM_RATIO);
          g_assert_cmpint (claim->kind, !=, BC_CLAIM_BREAKDOWN);
          g_assert_false (bc_claim_judge (claim, &dates, &verdict));
        }
    }
}

static const BcClaim *
only_claim (GPtrArray   *claims,
            BcClaimKind  kind)
{
  const BcClaim *found = NULL;

  for (guint i = 0; i < claims->len; i++)
    if (((BcClaim *) claims->pdata[i])->kind == kind)
      {
        g_assert_null (found);
        found = claims->pdata[i];
      }
  g_assert_nonnull (found);
  return found;
}

/* The span covers the whole claim, also across a paragraph break, and a
 * sentence ends at a line break after a full stop. */
static void
test_spans (void)
{
  const char *text = "Kích hoạt được 671.290 /615.198 tài khoản, đạt tỷ lệ\n\n108,3%.";
  g_autoptr(GPtrArray) claims = bc_narrative_scan (text, -1, NULL, 0);
  g_autoptr(GPtrArray) split = NULL;
  const BcClaim *claim = only_claim (claims, BC_CLAIM_RATIO);

  g_assert_cmpuint (claim->start, ==, strstr (text, "671.290") - text);
  g_assert_cmpuint (claim->end, ==, strstr (text, "%.") + 1 - text);
  g_assert_cmpfloat (claim->numerator.value, ==, 671290);
  g_assert_cmpfloat (claim->denominator.value, ==, 615198);
  g_assert_cmpfloat_with_epsilon (claim->stated.value, 108.3, 1e-9);

  split = bc_narrative_scan ("Đã kích hoạt 45/50 tài khoản.\n\nđạt 90%.", -1, NULL, 0);
  g_assert_cmpuint (split->len, ==, 0);
}

static void
test_citations (void)
{
  const char *text = "theo Kế hoạch số 67/KH-UBND ngày 26/02/2024 và Công văn số 1350/UBND-CA ngày "
                     "22/3/2024; Nghị định số 42/2022/NĐ-CP ngày 24/6/2022, Kế hoạch số 16A/KH-BCĐ "
                     "ngày 30/1/2024. Đề án 06/CP; Số: 254 /BC-TCTĐA06.";
  static const struct { const char *number; guint d, m, y; } expected[] = {
    { "67/KH-UBND", 26, 2, 2024 }, { "1350/UBND-CA", 22, 3, 2024 }, { "42/2022/NĐ-CP", 24, 6, 2022 },
    { "16A/KH-BCĐ", 30, 1, 2024 },
  };
  g_autoptr(GPtrArray) claims = bc_narrative_scan (text, -1, NULL, 0);

  g_assert_cmpuint (claims->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < claims->len; i++)
    {
      BcClaim *claim = claims->pdata[i];
      g_autofree char *number = g_strndup (text + claim->ref_start, claim->ref_end - claim->ref_start);

      g_assert_cmpint (claim->kind, ==, BC_CLAIM_CITATION);
      g_assert_cmpstr (number, ==, expected[i].number);
      g_assert_cmpuint (claim->day, ==, expected[i].d);
      g_assert_cmpuint (claim->month, ==, expected[i].m);
      g_assert_cmpuint (claim->year, ==, expected[i].y);
    }
}

/* Whatever the bytes, the scanner returns claims inside the text, and
 * judges only what the text says: a number too long to be read is not
 * read from its tail ("000/1" of "1.000.000.000.000.000/1"). */
static void
test_garbage (void)
{
  static const struct { const char *text; guint holding; const char *message; } cases[] = {
    { "", 0, NULL }, { "/", 0, NULL }, { "%", 0, NULL }, { "1/", 0, NULL }, { "/1", 0, NULL },
    /* A ratio of nothing is read, and cannot be wrong. */
    { "1/0 đạt 5%", 1, NULL }, { "0/0 đạt 100%", 1, NULL },
    { "đạt", 0, NULL }, { "trong đó", 0, NULL }, { "cụ thể:", 0, NULL }, { "(((((", 0, NULL },
    { ")))) 1 (2, 3)", 0, "Tổng số ghi 1 nhưng 2 + 3 = 5" }, { "1 (2, 3", 0, NULL },
    { "\xff\xfe 12/5 \xc3", 0, NULL },
    { "1.000.000.000.000.000/1 đạt 1%", 0, NULL },
    { "1,1234567/1 đạt 1%", 0, NULL },
    { "999.999.999.999.999/1 đạt 99.999.999.999.999.999,999999%", 0, NULL },
    { "tính đến 31/02/2024", 0, NULL }, { "tháng 13/2024", 0, NULL }, { "trong tháng 0/2024", 0, NULL },
    { "12 (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)", 0, NULL },
  };
  SeedContext may = { "May 2024", 21, 4, 20, 5, 24, 5, NULL, 0 };
  BcNarrativeDates dates;

  dates_for (&may, &dates);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint holding;
      g_autoptr(GPtrArray) messages = judge_text (cases[i].text, &dates, NULL, 0, &holding, NULL);

      g_test_message ("case %u: %u holding, %u found", i, holding, messages->len);
      g_assert_cmpuint (holding, ==, cases[i].holding);
      g_assert_cmpuint (messages->len, ==, cases[i].message ? 1 : 0);
      if (cases[i].message)
        g_assert_cmpstr (messages->pdata[0], ==, cases[i].message);
    }
}

/* The corpus: every paragraph of seeds 000, 001 and 004 (tests/corpus/),
 * read as the checker reads a section (the paragraphs joined, a sentence
 * cut by a paragraph break read whole), and the findings pinned in
 * tests/golden/narrative-corpus.txt, one "seed:line: rule: message" a
 * line.  A finding that appears or disappears fails the test; a real one
 * is added to the golden file by hand, with its reason in the commit
 * (BC_UPDATE_GOLDEN=1 rewrites it). */

typedef struct
{
  const char              *file;
  const char              *name;
  guint                    day_from, month_from, day_to, month_to, day_signed, month_signed;
  const BcNarrativeFigure *figures;
  guint                    n_figures;
} CorpusSeed;

static void
corpus_findings (const CorpusSeed *seed,
                 GString          *out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", seed->file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) claims = NULL;
  g_auto(GStrv) text_lines = NULL;
  BcNarrativeDates dates;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text_lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; text_lines[i]; i++)
    {
      gsize start;

      if (*g_strstrip (text_lines[i]) == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, "\n\n");
      start = joined->len;
      g_array_append_val (starts, start);
      g_array_append_vals (lines, &(guint) { i + 1 }, 1);
      g_string_append (joined, text_lines[i]);
    }
  g_date_clear (&dates.period_from, 1);
  g_date_clear (&dates.period_to, 1);
  g_date_clear (&dates.report_date, 1);
  g_date_set_dmy (&dates.period_from, (GDateDay) seed->day_from, (GDateMonth) seed->month_from, 2024);
  g_date_set_dmy (&dates.period_to, (GDateDay) seed->day_to, (GDateMonth) seed->month_to, 2024);
  /* A plan has no report date to compare with (as the checker does). */
  if (seed->day_signed)
    g_date_set_dmy (&dates.report_date, (GDateDay) seed->day_signed, (GDateMonth) seed->month_signed, 2024);
  claims = bc_narrative_scan (joined->str, (gssize) joined->len, seed->figures, seed->n_figures);
  for (guint i = 0; i < claims->len; i++)
    {
      const BcClaim *claim = claims->pdata[i];
      BcVerdict verdict;
      guint p = 0;

      /* Outside the summary only "trong tháng ..." names the report's month. */
      if (claim->kind == BC_CLAIM_MONTH && claim->form != BC_CLAIM_FORM_IN_MONTH)
        continue;
      if (!bc_claim_judge (claim, &dates, &verdict))
        continue;
      while (p + 1 < starts->len && g_array_index (starts, gsize, p + 1) <= claim->end - 1)
        p++;
      g_string_append_printf (out, "%s:%u: %s: %s\n", seed->name, g_array_index (lines, guint, p),
                              verdict.rule, verdict.message);
      bc_verdict_clear (&verdict);
    }
}

static void
test_corpus (void)
{
  static const CorpusSeed seeds[] = {
    { "seed-000.txt", "000", 21, 4, 20, 5, 24, 5, seed000_figures, G_N_ELEMENTS (seed000_figures) },
    { "seed-001.txt", "001", 15, 5, 14, 6, 24, 6, seed001_figures, G_N_ELEMENTS (seed001_figures) },
    { "seed-004.txt", "004", 1, 1, 31, 12, 0, 0, NULL, 0 },
  };
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden", "narrative-corpus.txt", NULL);
  g_autofree char *golden = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    corpus_findings (&seeds[s], found);
  if (bc_test_update_golden ())
    g_assert_true (g_file_set_contents (golden_path, found->str, -1, NULL));
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_test_message ("%s", found->str);
  g_assert_cmpstr (found->str, ==, golden);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/narrative/numbers/parse", test_numbers);
  g_test_add_func ("/bc/narrative/numbers/to-string", test_number_to_string);
  g_test_add_func ("/bc/narrative/rounding", test_percent_rule);
  g_test_add_func ("/bc/narrative/rules", test_rules);
  g_test_add_func ("/bc/narrative/silent", test_silent);
  g_test_add_func ("/bc/narrative/clean", test_clean);
  g_test_add_func ("/bc/narrative/spans", test_spans);
  g_test_add_func ("/bc/narrative/citations", test_citations);
  g_test_add_func ("/bc/narrative/garbage", test_garbage);
  g_test_add_func ("/bc/narrative/seeds/correct", test_seed_correct);
  g_test_add_func ("/bc/narrative/seeds/mistakes", test_seed_mistakes);
  g_test_add_func ("/bc/narrative/seeds/corpus", test_corpus);

  return g_test_run ();
}
