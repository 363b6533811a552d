# vanban messages: core (vi)

## Giới hạn (crates/vanban/src/limits.rs)

limit-exceeded = { $found }, vượt quá giới hạn { $limit } (nâng giới hạn bằng --{ $flag })
field-length = dài { $length } ký tự
