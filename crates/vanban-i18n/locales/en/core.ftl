# vanban messages: core (en)

## Limits (crates/vanban/src/limits.rs)

# $found: what was found, itself a message or text; $limit: the limit; $flag: the option that raises it.
limit-exceeded = { $found }, more than the limit of { $limit } (raise it with --{ $flag })
field-length = is { $length } characters long

## Validation of the input (crates/vanban/src/validate.rs)

char-line-break = a line break
char-tab = a tab
char-carriage-return = a carriage return (use line breaks alone)
char-control = the control character
char-noncharacter = the non-character
# $what: one of the char-* messages; $code: hexadecimal code point; $index: 1-based position.
character-not-allowed = { $what } U+{ $code } at character { $index } is not allowed
characters-more-not-allowed = { $count } more characters that are not allowed
field-empty = must not be empty
field-required = is required
field-one-line = must be one line
date-year-range = year { $year } is out of range (1945–9999)
drafter-placement = `{ $value }` is not a placement; use `lưu` (end of the Lưu line) or `riêng` (own line)
recipient-name-and-group = has both `name` and `group`: give one name, or a group of several
recipient-needs-name = needs `name` (one recipient) or `group` (several sharing the note)
recipient-note-empty = must not be empty (leave it out for no note)
recipient-note-line-and-brace = has both `note_line` and `brace`: the note stands either under the name or beside the brace
recipient-note-line-without-note = has `note_line` but no `note` to put on that line
recipient-brace-without-group = has `brace` but not a `group` of two or more names for the brace to join
count-too-large = { $value } is too large (at most { $max })
# $number: `yes` for the document's own number.
count-below-one = must be 1 or more, not { $value } (numbering starts at 01{ $number ->
        [yes] ; leave `number` out for a blank slot filled in after signing
       *[no] {""}
    })
kind-required = is required, e.g. `ke-hoach` or `bao-cao`
kind-unknown = unknown kind `{ $value }`; use one of: { $known }
symbol-form = must be non-empty with no spaces, e.g. `KH-VP`
symbol-prefix = a { $kind } symbol starts with `{ $abbreviation }-` (Appendix III), not `{ $symbol }`
issuer-abbreviation-required = is required to build the symbol (e.g. `VP` in `KH-VP`)
no-spaces = must have no spaces
issuer-unit-required = a { $kind } symbol is issuer-unit (e.g. `UBND-VX`): give the drafting unit
at-file-line = {" "}(line { $line } of the file)
at-body-line = {" "}(line { $line } of the body)
appendix-order = Phụ lục are numbered in order: Phụ lục { $typed } where Phụ lục { $expected } comes{ $place }
appendix-title-missing = a `# Phụ lục:` heading needs its title after the colon (`# Phụ lục: Danh sách thành viên`){ $place }
appendix-kind-unknown = `{ $value }` is not a kind with a type name (e.g. `quy-che`, `quy-dinh`) that a Quyết định can issue
appendix-kind-only-quyet-dinh = only a Quyết định issues a text of its own kind (template 1.3); leave `kind` out for a Phụ lục
bases-twice = căn cứ are typed at the head of the body and given in `bases` too: keep one (vanban prints `bases` above `QUYẾT ĐỊNH:`)
authority-line-twice = the line `{ $typed }` at the head of the body reads as the authority line, but `authority_line` is `{ $given }`: keep one
# $place: at-file-line or nothing; $message: what is wrong there.
body-line = line { $line } of the body{ $place }: { $message }
table-columns-limit = table { $table } has { $columns } columns, more than the limit of { $limit }: the columns would be narrower than a word (raise it with --max-table-columns)
implementers-missing = the last article ({ $label } { $title }) must name who implements the { $kind } (e.g. `Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành { $kind } này./.`)
signer-required = is required (title and name of the person who signs)
authority-prefix = must start with one of { $prefixes } (Decree 30, Art. 13), not `{ $prefix }`
urgency-unknown = `{ $value }` is not one of hoa-toc, thuong-khan, khan
secrecy-unknown = `{ $value }` is not one of mat, toi-mat, tuyet-mat
style-preset = must be 13 or 14, not { $value }
style-margin-range = { $value } mm is outside the decree's { $min }–{ $max } mm
style-indent = { $value } mm: the decree says 10 or 12.7 mm
style-line-spacing = { $value }: the decree allows single (1.0) to 1.5 lines
style-paragraph-spacing = { $value } pt: at least 6 pt (and at most 24)
style-hoa-spelling = `{ $value }` is neither HÒA nor HOÀ
cong-dien-authority-required = is required for a Công điện: who sends it (`THỦ TƯỚNG CHÍNH PHỦ` prints `THỦ TƯỚNG CHÍNH PHỦ điện:`)
cong-dien-addressees-required = is required for a Công điện: those it is sent to, listed under `… điện:`
secretary-only-bien-ban = only a Biên bản has a secretary signing beside the chair (template 1.9), not a { $kind }
secretary-required = is required for a Biên bản: the secretary (THƯ KÝ) signs left of the chair (CHỦ TỌA, `signer`)
confirmation-with-secretary = cannot stand with `secretary`: both take the place left of the signer

## The body in Markdown (crates/vanban/src/body.rs, preamble.rs)

heading-level = heading level { $level } is not used by the decree; use # (I.), ## (1.) or ### (a))
heading-title-missing = a heading needs a title (the decree requires one)
points-too-many = more than { $count } points (`###`) in a row: the decree's letters run a) to y); start a new clause (`##`) or use dashes (`- `)
article-order = articles are numbered in order: Điều { $typed } where Điều { $expected } comes
enacting-line-typed = `{ $word }:` is printed once, by vanban, between the căn cứ and the first article; remove this line
enacting-line-other = a { $kind } enacts with `{ $own }:`, not `{ $word }:` (vanban prints it; remove this line)
preamble-not-basis = `{ $shown }…` stands before `{ $own }:` but is not a căn cứ (a line opening { $openers }); give the căn cứ in `bases` (one per item), the authority line in `authority_line`, and start the body with `# Điều 1. …`

## Dates and files (crates/vanban/src/date.rs, source.rs)

date-year-outside = year { $year } is outside 1900–2999
date-month = month { $month } does not exist
date-no-day = { $year }-{ NUMBER($month, minimumIntegerDigits: 2) } has no day { $day } (it has { $last } days)
date-not-a-date = `{ $value }` is not a date; write YYYY-MM-DD, e.g. 2024-03-08
input-format-unknown = unknown input format; use a .yaml, .yml, .json or .toml file

## Fonts (crates/vanban/src/coverage.rs)

# $code: the code point and the character (`1F600 😀`).
font-missing-char = U+{ $code } is not in the font; use --fonts with a font that has it
font-missing-char-faces = U+{ $code } is not in the font's { $faces } face; use --fonts with a font that has it
font-missing-in-line = { $missing } (in `{ $line }`)
font-missing-more = { $count } more characters are not in the font
face-regular = regular
face-bold = bold
face-italic = italic
face-bold-italic = bold italic
# Two items of a list, in the order given.
list-pair = { $first }, { $second }
# Two parts one after the other (Message::concat, join, at).
concat-pair = { $first }{ $second }

## Reading files within the limits (crates/vanban/src/limits.rs, zip_limits.rs)

# $reason: the system's own words.
file-cannot-read = cannot read: { $reason }
file-too-large = the file is larger than the limit of { $limit } bytes (raise it with --max-file-bytes)
file-not-utf8 = not UTF-8 text (invalid byte at offset { $offset }); save the file as UTF-8
nesting-too-deep = lists and mappings nest { $depth } deep, more than the limit of { $max } (raise it with --max-depth)
zip-not-a-package = not a zip package: { $reason }
zip-part = part { $index }: { $reason }
zip-cannot-inflate = { $name }: cannot inflate: { $reason }
zip-inflated-limit = the package inflates to more than the limit of { $limit } bytes (reached at `{ $name }`; raise it with --max-inflated-bytes)
zip-inflate-ratio = part `{ $name }` inflates more than { $ratio } times its { $compressed } compressed bytes

## The parsers' errors (crates/vanban/src/source.rs): in English, the parser's words alone

# $detail: the parser's own words (English), quoted in other languages;
# the line and column stand before the message.
syntax-error-yaml = { $detail }
syntax-error-json = { $detail }
syntax-error-toml = { $detail }
# $error: a syntax-error; $hint: one of the syntax-hint-… below, its separator first.
syntax-error-hint = { $error }{ $hint }
syntax-hint-landscape-where = ; landscape pages are asked for on a Phụ lục only: `appendices: [{"{"}title: …, body: …, landscape: true{"}"}]` or `# Phụ lục (ngang): …` in the body
syntax-hint-landscape-bool = : write `landscape: true` or `landscape: false`
syntax-hint-number-as-printed = : write the serial number alone, without quotes (`number: 5` prints `05`; the symbol comes from the kind and issuer)
# $field: `number: ` (the key and a colon) or empty.
syntax-not-whole = { $field }must be a whole number, not { $value }
syntax-below-one = { $field }must be 1 or more, not -{ $value }
syntax-too-large = { $field }{ $value } is too large (at most { $max })

## Font files (crates/vanban/src/metrics.rs)

font-unusable = not a usable font: { $reason }
font-no-unicode = the font maps no Unicode characters
font-face-regular = Regular
font-face-bold = Bold
font-face-italic = Italic
font-face-bold-italic = BoldItalic
font-face = { $face } face: { $why }
