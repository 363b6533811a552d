# vanban messages: register (vi)

## Lỗi của sổ đăng ký (crates/vanban-register/src/error.rs)

register-refused = { $target }: { $why }
register-busy = { $target }: sổ đăng ký đang bận (văn thư khác hoặc tiến trình khác đã khóa sổ quá { $seconds } giây); hãy thử lại
register-read-only = { $target }: sổ đăng ký được mở ở chế độ chỉ đọc; thao tác này sẽ làm thay đổi sổ
register-taken = số { $number }/{ $symbol } năm { $year } đã được cấp cho mục { $held_by }
register-held-same-moment = một mục được ghi vào sổ cùng lúc
register-already-received = { $file }: văn bản này đã được tiếp nhận, số đến { $number } năm { $year }, ngày { $date } (trùng mã SHA-256)
register-render-failed = mục { $entry } đã được ghi vào sổ nhưng chưa ghi được các tệp: { $reason }; lệnh `vanban register render` sẽ ghi lại các tệp
register-not-found = không có mục { $entry } trong sổ đăng ký
register-conflict = { $target }: trùng với một mục đã có trong sổ (cơ sở dữ liệu báo: “{ $reason }”)
register-database = { $target }: lỗi cơ sở dữ liệu: { $reason }
register-cannot-connect = không kết nối được: { $reason }
register-sequence-vanished = dãy số { $sequence } năm { $year } đã mất trong khi cấp số
register-entry-not-returned = cơ sở dữ liệu không trả về mục vừa ghi vào sổ
register-incoming-not-returned = cơ sở dữ liệu không trả về mục văn bản đến vừa ghi vào sổ
register-unavailable = sổ đăng ký tạm thời không dùng được
register-entry = #{ $id } ({ $number }, ngày { $date }, { $status ->
        [issued] đã cấp số
        [reserved] số giữ trước
        [void] đã hủy
       *[other] `{ $status }`
    })

## Cơ sở dữ liệu bị từ chối (schema.rs, register.rs, db/sqlite.rs)

register-no-such = không có sổ đăng ký này; lệnh `vanban register init --db FILE` sẽ tạo sổ mới
register-already-holds = đã chứa một sổ đăng ký vanban; lệnh `vanban register info` cho xem sổ này
register-file-exists = tệp đã có; lệnh `vanban register init` chỉ tạo sổ đăng ký mới
register-not-a-register = không phải sổ đăng ký vanban (không có bảng vanban_meta ghi tên sổ); lệnh `vanban register init` sẽ tạo sổ mới; chưa thay đổi gì
register-not-sqlite = không phải sổ đăng ký vanban (không phải cơ sở dữ liệu SQLite, hoặc phần đầu tệp bị hỏng); chưa thay đổi gì
register-foreign-sqlite = cơ sở dữ liệu SQLite của một ứng dụng khác (application_id { $id }), không phải sổ đăng ký vanban; chưa thay đổi gì
register-newer = do phiên bản vanban mới hơn tạo ra (lược đồ sổ { $version }; phiên bản này chỉ đọc được đến lược đồ { $supported }); chưa thay đổi gì
register-needs-upgrade = lược đồ sổ { $version } cần được nâng cấp lên { $supported }; hãy mở sổ một lần không kèm --read-only
register-damaged = cơ sở dữ liệu bị hỏng (“{ $reason }”); chưa thay đổi gì

## Yêu cầu mà sổ đăng ký không thực hiện được

register-scheme = cách đánh số `{ $scheme }`: dùng `shared` (một dãy số chung) hoặc `per-kind` (theo từng loại văn bản)
register-body-names = hội đồng tư vấn `{ $body }`: mỗi tên chỉ nêu một lần và không được để trống
register-unknown-body = `{ $body }`: không phải hội đồng tư vấn của sổ này (đã khai báo: { $known })
register-no-bodies = chưa khai báo khi tạo sổ
register-number-positive = số { $number }: số văn bản phải từ 1 trở lên
register-bad-ref = `{ $text }`: hãy chỉ rõ mục bằng mã mục (`12`) hoặc bằng số và ký hiệu (`15/KH-VP`)
register-several-years = { $entry } có trong sổ của nhiều năm ({ $years }): hãy cho biết --year
register-reserve-needs = muốn giữ số cần cho biết loại văn bản và ký hiệu (`--kind ke-hoach --symbol KH-VP`)
register-void-reason = reason: hãy nêu lý do hủy số
register-already-void = mục { $entry } đã bị hủy
register-not-reserved = mục { $entry } { $status ->
        [issued] đã được cấp số
        [void] đã bị hủy
       *[other] đang ở trạng thái `{ $status }`
    }, không phải số giữ trước
register-reserved-symbol = symbol: ký hiệu của văn bản là { $symbol } nhưng số { $number } được giữ cho ký hiệu { $reserved }
register-reserved-year = ngày { $date }: số { $number } được giữ trong sổ năm { $year }
register-no-longer-reserved = mục #{ $id } không còn là số giữ trước
register-no-document = mục { $entry } được ghi vào sổ mà không kèm văn bản (giữ số trước hoặc nhập từ sổ cũ); không có tệp nào để tạo
register-document-unreadable = mục { $entry }: không đọc được văn bản đã lưu trong sổ: { $reason }
register-copy-no-issuer = issuer_abbreviation: ký hiệu của bản sao cần chữ viết tắt tên cơ quan (SY-UBND)
register-unknown-kind = `{ $kind }` không phải là loại văn bản theo Nghị định 30
register-receive-unread = { $file }: không đọc được { $fields } từ văn bản; hãy cung cấp { $flags }
register-receive-missing = { $file }: không thể vào sổ văn bản đến khi thiếu { $fields }
register-read-unknown-format = không phải tệp DOCX hay PDF
register-read-encrypted = tệp PDF đã được mã hóa: không đọc được nội dung văn bản; hãy dùng tệp không mã hóa
register-reserved-one-input = --reserved chỉ hoàn tất một số đã giữ: hãy đưa đúng một tệp đầu vào

## Sổ in (book.rs)

register-book-format = định dạng `{ $format }`: dùng pdf, docx, xlsx
register-book-no-format = chưa nêu định dạng (pdf, docx, xlsx)
register-book-pdf = không ghi được tệp PDF của sổ: { $reason }
register-book-docx = không ghi được tệp DOCX của sổ: { $reason }
register-book-xlsx = không ghi được tệp .xlsx của sổ: { $reason }

## Nhập sổ (import.rs)

register-import-row = { $file }: hàng { $row }
register-import-problem = { $at }: { $reason }
register-import-copies = số bản `{ $value }` không phải là số nguyên
register-import-number = số `{ $value }` không phải là số từ 1 trở lên
register-import-date = ngày: { $reason }
register-import-symbol = thiếu ký hiệu
register-import-status = trạng thái `{ $value }`: dùng `issued` (đã cấp số) hoặc `void` (đã hủy)
register-import-date-missing = { $symbol }: thiếu ngày

## vanban register (crates/vanban-cli/src/register_cmd.rs)

register-created = đã tạo sổ đăng ký { $target } ({ $scheme ->
        [shared] một dãy số chung
       *[other] đánh số theo từng loại văn bản
    })
register-issued = { $file }: đã cấp số { $number } (ngày { $date })
register-reserved = đã giữ số { $number } (ngày { $date }, mục #{ $id })
register-voided = đã hủy số { $number }: { $reason }
register-verified = đã kiểm tra { $count } tệp, { $bad } tệp bị thay đổi hoặc bị thiếu
register-imported = đã nhập { $count } mục từ { $file }
register-info-database = sổ đăng ký: { $database } ({ $backend }, lược đồ { $version })
register-info-office = cơ quan: { $office }
register-info-scheme = cách đánh số: { $scheme ->
        [shared] một dãy số chung
       *[other] theo từng loại văn bản
    }
register-info-bodies = hội đồng tư vấn: { $bodies }
register-info-entries = số mục: { $outgoing } văn bản đi, { $incoming } văn bản đến
register-info-sequence = {"  "}năm { $year }, dãy { $name }: số cuối { $last }
register-line-void = {"  "}[đã hủy: { $reason }]
register-line-reserved = {"  "}[số giữ trước]
register-line-files = {"  "}[tệp: { $status ->
        [pending] đang ghi
        [failed] ghi lỗi
       *[other] `{ $status }`
    }]
