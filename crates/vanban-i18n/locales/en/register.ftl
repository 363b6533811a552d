# vanban messages: register (en)

## The register's errors (crates/vanban-register/src/error.rs)

# $why: register-refused-* below.
register-refused = { $target }: { $why }
register-busy = { $target }: the register is busy (locked by another clerk or process for more than { $seconds } s); try again
register-read-only = { $target }: opened read-only; this would change the register
# $held_by: register-entry, or register-held-same-moment.
register-taken = number { $number }/{ $symbol } of { $year } is already held by entry { $held_by }
register-held-same-moment = an entry recorded at the same moment
register-already-received = { $file }: already received as incoming number { $number } of { $year } on { $date } (same SHA-256)
register-render-failed = entry { $entry } is recorded, but its files were not written: { $reason }; `vanban register render` writes them again
register-not-found = no entry { $entry } in the register
# $reason: the database's own words.
register-conflict = { $target }: { $reason }
register-database = { $target }: database error: { $reason }
register-cannot-connect = cannot connect: { $reason }
register-sequence-vanished = sequence { $sequence } of { $year } vanished while numbering
register-entry-not-returned = the new entry was not returned
register-incoming-not-returned = the new incoming entry was not returned
register-unavailable = the register is unavailable
# An entry: `#12 (15/KH-VP of 2026-03-08, issued)`; $status: issued, reserved or void.
register-entry = #{ $id } ({ $number } of { $date }, { $status })

## Databases refused (schema.rs, register.rs, db/sqlite.rs)

register-no-such = no such register; `vanban register init --db FILE` makes one
register-already-holds = already holds a vanban register; `vanban register info` shows it
register-file-exists = already exists; `vanban register init` makes a new register only
register-not-a-register = not a vanban register (no vanban_meta table naming it); `vanban register init` makes one; left untouched
register-not-sqlite = not a vanban register (not an SQLite database, or its header is damaged); left untouched
register-foreign-sqlite = an SQLite database of another application (application_id { $id }), not a vanban register; left untouched
register-newer = made by a newer vanban (register schema { $version }; this vanban reads up to { $supported }); left untouched
register-needs-upgrade = register schema { $version } needs upgrading to { $supported }; open it once without --read-only
register-damaged = the database is damaged ({ $reason }); nothing was changed

## Requests the register cannot honour

register-scheme = sequence scheme `{ $scheme }`: use `shared` (one sequence) or `per-kind`
register-body-names = advisory body `{ $body }`: names must be given once each and not be empty
register-unknown-body = body `{ $body }`: not an advisory body of this register (known: { $known })
register-no-bodies = none was given at init
register-number-positive = number { $number }: a number is 1 or more
register-bad-ref = `{ $text }`: name an entry by its id (`12`) or number and symbol (`15/KH-VP`)
register-several-years = { $entry } is in several years ({ $years }): give --year
register-reserve-needs = a reservation needs the kind and the symbol (`--kind ke-hoach --symbol KH-VP`)
register-void-reason = reason: say why the number is voided
register-already-void = entry { $entry } is already void
register-not-reserved = entry { $entry } is { $status }, not reserved
register-reserved-symbol = symbol: the document's is { $symbol } but number { $number } was reserved for { $reserved }
register-reserved-year = date { $date }: number { $number } was reserved in { $year }
register-no-longer-reserved = entry #{ $id } is no longer reserved
register-no-document = entry { $entry } was recorded without its document (reserved or imported); nothing to render
register-document-unreadable = entry { $entry }: its recorded document cannot be read: { $reason }
register-copy-no-issuer = issuer_abbreviation: the copy's symbol needs the office's abbreviation (SY-UBND)
register-unknown-kind = kind `{ $kind }` is not a kind of Decree 30
# $fields: `issuer, symbol`; $flags: `--issuer, --symbol`.
register-receive-unread = { $file }: could not read { $fields }; give { $flags }
register-receive-missing = { $file }: cannot register it without { $fields }
# A received file that cannot be read (the words `vanban lint` uses).
register-read-unknown-format = neither a DOCX nor a PDF
register-read-encrypted = an encrypted PDF: its text cannot be read to be judged; lint the unencrypted file
register-reserved-one-input = --reserved completes one number: give one input

## The books (book.rs)

register-book-format = format `{ $format }`: use pdf, docx, xlsx
register-book-no-format = no format given (pdf, docx, xlsx)
register-book-pdf = cannot write the book's PDF: { $reason }
register-book-docx = cannot write the book's DOCX: { $reason }
register-book-xlsx = cannot write the book's .xlsx: { $reason }

## Importing a book (import.rs); $at: the file and its line, or register-import-row.

register-import-row = { $file }: row { $row }
register-import-problem = { $at }: { $reason }
register-import-copies = copies `{ $value }` is not a whole number
register-import-number = number `{ $value }` is not a number of 1 or more
register-import-date = date: { $reason }
register-import-symbol = symbol is missing
register-import-status = status `{ $value }`: use issued or void
register-import-date-missing = { $symbol }: date missing

## vanban register (crates/vanban-cli/src/register_cmd.rs)

register-created = created the register { $target } ({ $scheme } sequence)
register-issued = { $file }: issued { $number } ({ $date })
register-reserved = reserved { $number } ({ $date }, entry #{ $id })
register-voided = voided { $number }: { $reason }
register-verified = { $count } files checked, { $bad } changed or missing
register-imported = imported { $count } entries from { $file }
# `vanban register info`; $scheme: shared or per-kind.
register-info-database = register: { $database } ({ $backend }, schema { $version })
register-info-office = office: { $office }
register-info-scheme = numbering: { $scheme } sequence
register-info-bodies = advisory bodies: { $bodies }
register-info-entries = entries: { $outgoing } outgoing, { $incoming } incoming
register-info-sequence = {"  "}{ $year } { $name }: last { $last }
# The marks after an entry in `vanban register list`; $status: pending or failed.
register-line-void = {"  "}[void: { $reason }]
register-line-reserved = {"  "}[reserved]
register-line-files = {"  "}[files { $status }]
