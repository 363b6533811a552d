# vanban messages: lint (vi)

## Lời bao quanh mỗi phát hiện

lint-error = lỗi
lint-warning = cảnh báo
lint-found-expected = hiện là { $found }; Nghị định yêu cầu { $expected } ({ $section })
lint-summary = { $file }: { $errors } lỗi, { $warnings } cảnh báo ({ $kind }, { $format })
lint-kind-unknown = chưa nhận diện được loại văn bản
lint-fixed = đã sửa: { $finding }
lint-needs-person = cần người xử lý: { $finding }

## Vị trí của phát hiện

lint-page = trang { $page }
lint-page-at = trang { $page }, { $place }
lint-header-left = phần đầu văn bản, cột trái
lint-header-right = phần đầu văn bản, cột phải
lint-recipients-column = cột Nơi nhận
lint-signature-block = khối chữ ký
lint-own-line = dòng riêng
lint-after = sau dòng `{ $mark }`
lint-of-body = của phần nội dung
lint-nth-paragraph = đoạn { $ordinal } { $after }
lint-ordinal = thứ { $n }
lint-table-cell = bảng, hàng { $row }, cột { $column }, { $after }
lint-table-row = bảng, hàng { $row }, { $after }
lint-table = bảng { $after }

## Bản đồ hành chính năm 2025

lint-admin-district = `{ $unit }`, đơn vị hành chính cấp huyện
lint-admin-province = `{ $unit }`, tỉnh đã hợp nhất từ ngày 01/7/2025
lint-admin-replaced-province = { $unit } → { $now }
lint-admin-replaced-district = { $unit } ({ $old }) → không còn cấp huyện từ ngày 01/7/2025; xã, phường thuộc { $now }

## Lời của "hiện là" và "yêu cầu"

lint-v-none = không có
lint-v-list = { $a }, { $b }
lint-v-pt = { $n } pt
lint-v-pt-range = { $min }-{ $max } pt
lint-v-mm = { $n } mm
lint-v-mm-range = { $min }-{ $max } mm
lint-v-bold = in đậm
lint-v-not-bold = không in đậm
lint-v-italic = in nghiêng
lint-v-upright = in đứng
lint-v-centred = căn giữa
lint-v-justified = căn đều hai lề
lint-v-capitals = chữ in hoa
lint-v-align = { $align ->
    [left] căn trái
    [right] căn phải
    [center] căn giữa
   *[justify] căn đều hai lề
}
lint-v-no-rule = không có đường kẻ
lint-v-rule-third = một đường kẻ liền, dài từ 1/3 đến 1/2 dòng chữ trên
lint-v-rule-measured = đường kẻ { $length } mm dưới dòng chữ dài { $width } mm ({ $ratio } %)
lint-v-rule-ratio = từ 1/3 đến 1/2 dòng chữ
lint-v-more-paragraphs = { $found } (và { $n } đoạn khác)
lint-v-body-size = 13-14 pt, cả phần nội dung một cỡ chữ (ở đây { $main } pt)
lint-v-body-size-any = 13-14 pt, cả phần nội dung một cỡ chữ
lint-v-indent = lùi đầu dòng { $mm } mm
lint-v-indent-expected = 10-12,7 mm
lint-v-space-before = cách đoạn trên { $pt } pt
lint-v-line-spacing = giãn dòng { $n }
lint-v-spacing-expected = cách đoạn ít nhất 6 pt, giãn dòng từ một dòng đến 1,5 dòng
lint-v-ends = kết thúc bằng `{ $tail }`
lint-v-page-a4 = khổ A4, 210 × 297 mm
lint-v-page-found = { $width } × { $height } mm
lint-v-landscape = { $size } (khổ ngang)
lint-v-portrait = A4 khổ dọc, trừ khi phần nội dung có bảng rộng
lint-v-font = phông chữ { $font }
lint-v-font-expected = Times New Roman (hoặc phông cùng số đo chữ)
lint-v-colour = màu #{ $hex } ở { $n } đoạn
lint-v-black = màu đen
lint-v-ink = chữ cách mép { $side ->
    [left] trái
   *[right] phải
} { $mm } mm
lint-v-ink-expected = ít nhất { $mm } mm (lề { $margin } mm{ $header ->
    [yes] , trừ phần bảng tiêu đề được phép lấn
   *[no] {""}
})

## The rules' own words (crates/vanban-lint/src/phrases.rs)

lint-p-cong-hoa-xa-hoi-chu-nghia = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` ở đầu trang 1
lint-p-cong-hoa-xa-hoi-chu-nghia-2 = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` viết in hoa
lint-p-doc-lap-tu-do-hanh-phuc = `Độc lập - Tự do - Hạnh phúc` ở dưới quốc hiệu
lint-p-doc-lap-tu-do-hanh-phuc-2 = `Độc lập - Tự do - Hạnh phúc`, giữa các cụm từ có gạch nối ` - `
lint-p-a-solid-rule-as-long-as = đường kẻ ngang, nét liền, dài bằng dòng tiêu ngữ
lint-p-as-long-as-the-tieu-ngu = dài bằng dòng chữ tiêu ngữ
lint-p-13-14-14-or-12-13 = 13/14/14 hoặc 12/13/13
lint-p-the-issuing-authority-top-left-of = tên cơ quan ban hành, ở góc trên bên trái trang 1
lint-p-so-under-the-issuer = `Số: …/…` ở dưới tên cơ quan ban hành
lint-p-so-then-the-number-and-symbol = `Số:` rồi đến số và ký hiệu
lint-p-number-symbol-e-g-so-05 = `số/ký hiệu`, ví dụ `Số: 05/KH-VP`
lint-p-a-blank-at-least-6-mm = chỗ để trống rộng ít nhất 6 mm
lint-p-arabic-numerals = chữ số Ả Rập
lint-p-no-spaces-inside-number-symbol = không có dấu cách trong `số/ký hiệu`
lint-p-no-spaces-inside-the-symbol = không có dấu cách trong ký hiệu
lint-p-groups-joined-by-e-g-kh = các nhóm chữ nối với nhau bằng `-`, ví dụ `KH-UBND`
lint-p-issuer-unit-without-a-type-abbreviation = `<cơ quan>-<đơn vị>`, không có chữ viết tắt tên loại
lint-p-place-ngay-dd-thang-m-nam = `<Địa danh>, ngày DD tháng M năm YYYY` ở dưới tiêu ngữ
lint-p-the-place-name-followed-by-a = địa danh, tiếp theo là dấu phẩy
lint-p-a-capital-initial = viết hoa chữ cái đầu
lint-p-the-date-in-arabic-numerals = ngày, tháng, năm viết bằng chữ số Ả Rập
lint-p-a-real-calendar-date = một ngày có thật
lint-p-noi-nhan-left-of-the-signer = `Nơi nhận:` ở bên trái khối chữ ký
lint-p-no-luu-line = không có dòng `- Lưu:`
lint-p-last-item-luu-vt-unit = mục cuối cùng là `- Lưu: VT, <đơn vị>.`
lint-p-luu-not-the-last-item = `- Lưu` không phải là mục cuối cùng
lint-p-luu-vt-last = `- Lưu: VT, …` là mục cuối cùng
lint-p-luu-vt-unit = `- Lưu: VT, <đơn vị>.`
lint-p-no-signer-block = không có khối chữ ký
lint-p-authority-title-and-name-right-of = quyền hạn, chức vụ và họ tên người ký, ở bên phải Nơi nhận
lint-p-tm-kt-q-tl-or-tuq = TM., KT., Q., TL. hoặc TUQ.
lint-p-the-signer-s-full-name = họ và tên người ký
lint-p-the-name-alone-without-rank-or = chỉ ghi họ và tên, không ghi cấp bậc, học hàm, học vị
lint-p-centred-bold = căn giữa, in đậm
lint-p-no-dieu-1 = không có `Điều 1.`
lint-p-articles-dieu-1-dieu-2 = các điều `Điều 1.`, `Điều 2.` …
lint-p-two-signers-thu-ky-and-chu = hai người ký: THƯ KÝ và CHỦ TỌA
lint-p-the-main-text-s-numbering-continued = số trang nối tiếp phần chính của văn bản
lint-p-a-section-of-its-own-restarting = một phần riêng, đánh số trang lại từ 1
lint-p-precomposed-unicode-nfc-as-tcvn-6909 = Unicode dựng sẵn (NFC), như văn bản theo TCVN 6909 được gõ
lint-p-no-text-on-any-page = không trang nào có lớp chữ
lint-p-real-text-a-scanned-page-cannot = có lớp chữ thật (trang quét thì không kiểm tra được)
lint-p-every-font-embedded = nhúng mọi phông chữ
lint-p-no-number-on-page-1 = trang 1 không đánh số trang
lint-p-page-numbers-from-page-2 = đánh số trang từ trang 2
lint-p-13-14-pt-upright = 13-14 pt, in đứng
lint-p-not-between-the-title-and-the = không nằm giữa chức vụ và họ tên người ký
lint-p-centred-between-the-title-and-the = căn giữa, giữa chức vụ và họ tên người ký
lint-p-over-about-a-third-of-the = trùm lên khoảng 1/3 chữ ký, về phía bên trái
lint-p-the-summary-under-the-type-name = trích yếu ở dưới tên loại
lint-p-sentence-case-not-capitals = chỉ viết hoa chữ cái đầu, không viết in hoa cả dòng
lint-p-v-v-under-the-number = `V/v …` ở dưới số, ký hiệu
lint-p-v-v-then-the-subject = `V/v ` rồi đến trích yếu nội dung
lint-p-not-in-capitals = không viết in hoa
lint-p-bold-capitals = in hoa, đậm
lint-p-no-text-in-the-margin-indent = không có chữ trong lề (thụt lề ≥ 0 mm)
lint-p-the-type-name-e-g-ke = tên loại văn bản (ví dụ `KẾ HOẠCH`) căn giữa, ở dưới phần đầu văn bản
lint-e-issuer = cơ quan ban hành
lint-e-summary = trích yếu
lint-e-tieu-ngu-rule = đường kẻ dưới tiêu ngữ
lint-e-quoc-hieu-tieu-ngu-date = quốc hiệu, tiêu ngữ, ngày tháng
lint-e-phu-luc-page-numbers = số trang của phụ lục
lint-e-phu-luc-page-number = số trang của phụ lục
lint-e-text = chữ trong văn bản
lint-e-fonts = phông chữ
lint-e-page = khổ giấy
lint-e-page-number = số trang
lint-e-left-margin = lề trái
lint-e-right-margin = lề phải
lint-e-top-margin = lề trên
lint-e-bottom-margin = lề dưới
lint-e-ngay-slot = chỗ để trống ngày
lint-e-thang-slot = chỗ để trống tháng
lint-e-nam-slot = chỗ để trống năm
lint-d-article-next = tiếp theo là `Điều { $n }.`
lint-d-rank-before-name = `{ $rank }` đứng trước họ tên trong { $text }
lint-d-quoted-with = { $text } ({ $what })
lint-d-not-centred = không căn giữa
lint-d-text-not-centred = { $text } không căn giữa
lint-d-authority-line-expected = dòng thẩm quyền ban hành ({ $example }) căn giữa, ở dưới trích yếu, trước các căn cứ
lint-d-no-word-line = không có dòng `{ $word }`
lint-d-word-before-article = `{ $word }` ở trước `Điều 1.`
lint-d-signers-found = { $n } trong số THƯ KÝ / CHỦ TỌA
lint-d-appendix-second-page = `{ $text }` ở trang thứ hai của phụ lục
lint-d-appendix-own-numbers = số trang riêng: `2` ở trang thứ hai của phụ lục
lint-d-rule-under = đường kẻ { $length } mm dưới dòng chữ dài { $width } mm
lint-d-sizes = quốc hiệu { $title } pt, tiêu ngữ { $motto } pt
lint-d-sizes-date = quốc hiệu { $title } pt, tiêu ngữ { $motto } pt, ngày tháng { $date } pt
lint-d-blank = chỗ để trống rộng { $mm } mm
lint-d-blank-expected = chỗ để trống rộng ít nhất { $mm } mm
lint-d-symbol-for-kind = `{ $symbol }` cho văn bản loại { $kind }
lint-d-symbol-appendix = `{ $abbr }-…` (Phụ lục III)
lint-d-date-padded = `ngày { $day } tháng { $month }` (ngày từ 01 đến 09 và tháng 01, 02 ghi thêm số 0 ở trước)
lint-d-not-a-date = { $day }/{ $month }/{ $year } không phải là ngày có thật
lint-d-header-pulled = bảng phần đầu văn bản lấn { $mm } mm vào lề trái
lint-d-header-allowance = tối đa { $mm } mm, như các mẫu văn bản
lint-d-indented-into-margin = một đoạn thụt lề { $mm } mm vào trong lề
lint-d-decomposed = chữ lưu ở dạng tổ hợp (NFD) trong { $n } đoạn, đoạn đầu tiên là { $text }
lint-d-not-embedded = chưa nhúng phông chữ: { $fonts }
lint-d-number-on-page-1 = `{ $text }` ở trang 1
lint-d-none-from-page-2 = không đánh số từ trang 2
lint-d-none-from-page-2-pdf = không đánh số từ trang 2 ({ $n } trang)
lint-d-none-from-page-2-app = không đánh số từ trang 2 ({ $n } trang, theo docProps/app.xml)
lint-d-none-from-page-2-estimated = không đánh số từ trang 2 (khoảng { $n } trang, ước tính theo nội dung)
lint-d-seal-over = trùm lên { $percent } % chữ ký
lint-d-seal-over-right = trùm lên { $percent } % chữ ký, không ở phía bên trái
lint-d-heading-centred = `{ $heading }` căn giữa, ở dưới phần đầu văn bản
lint-d-body-paragraph = đoạn { $n } của phần nội dung
lint-d-heading = đề mục { $text }
lint-d-article = điều { $text }
lint-d-text-paragraph = chữ trong văn bản (đoạn { $n })
lint-d-rule-of = đường kẻ dưới { $element }
lint-d-next = tiếp theo là { $label }
lint-d-letters = { $label } (các chữ cái a, b, c, d, đ, e, g …)
lint-section = { $vi }

## Tệp lint không đọc được (crates/vanban-lint/src/error.rs, limits.rs)

lint-read-unknown-format = không phải tệp DOCX cũng không phải tệp PDF
lint-read-zip = không đọc được tệp DOCX (ZIP); trình đọc ZIP báo: “{ $reason }”
lint-read-missing-part = tệp DOCX thiếu phần { $part }
lint-read-xml = { $part }: XML sai cú pháp; trình đọc XML báo: “{ $reason }”
lint-read-numbering-start = word/numbering.xml: giá trị bắt đầu của danh sách là { $start }, vượt quá mức lớn nhất Word cho phép ({ $max })
lint-read-pdf = không đọc được tệp PDF; trình đọc PDF báo: “{ $reason }”
lint-read-encrypted = tệp PDF đã mã hóa: không đọc được chữ để kiểm tra; hãy kiểm tra tệp chưa mã hóa
lint-read-fix-refused = không ghi tệp nào: { $reason }
lint-limit = { $place }: { $what } vượt quá giới hạn { $limit } (nếu tin cậy tệp này, hãy nâng giới hạn bằng { $flag })
lint-what-bytes = số byte
lint-what-inflation-ratio = tỷ lệ giải nén
lint-what-element-nesting = độ lồng nhau của phần tử XML
lint-what-xml-nodes = số nút XML
lint-what-docx-nesting = độ lồng nhau của bảng, hộp văn bản hoặc điều khiển nội dung
lint-what-pages = số trang
lint-what-decoded-bytes = số byte sau giải mã
lint-what-decoded-content-bytes = số byte nội dung sau giải mã
lint-what-operators = số lệnh vẽ
lint-what-pdf-nesting = độ lồng nhau của mảng hoặc từ điển
lint-what-q-nesting = độ lồng nhau của trạng thái đồ họa đã lưu (q)
lint-what-glyphs = số ký tự vẽ
lint-what-form-nesting = độ lồng nhau của form XObject
lint-what-font-entries = số mã trong bảng độ rộng hoặc bảng ToUnicode
lint-place-page = trang { $n }
lint-place-pages-up-to = các trang đến trang { $n }
lint-place-form = trang { $n }, form XObject { $form }
lint-place-font = phông chữ { $font }
lint-place-font-map = bảng ToUnicode của phông chữ { $font }
lint-place-part-line = { $part } dòng { $line }
lint-place-file = tệp
lint-place-page-tree = cây trang
lint-place-object-stream = một luồng đối tượng
lint-cannot-read = { $file }: không đọc được: { $reason }
