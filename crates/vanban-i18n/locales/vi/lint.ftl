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
