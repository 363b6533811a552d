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
