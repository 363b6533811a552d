# vanban messages: report (en)

## Template errors (crates/vanban-report/src/error.rs)

template-name = template `{ $name }`
template-at = {" "}line { $line }, column { $column }
template-data = , data `{ $path }`

## Numbers and values in data (crates/vanban-report/src/numbers.rs, format.rs)

number-format-unknown = data `number_format`: `{ $value }` is neither `vi` (1.234.567,8, the default) nor `en` (1,234,567.8)
number-format-type = data `number_format`: write `vi` (1.234.567,8, the default) or `en` (1,234,567.8)
number-not-a-number = `{ $value }` is not a number
# $found: one of the value-* messages.
number-expected = expected a number, found { $found }
number-not-vietnamese = `{ $value }` is not a number as Vietnamese writes it (`.` between thousands, `,` before decimals: 1.234.567,8); written the English way it is { $meant }: write `{ $meant }`, or set `number_format: en` for the whole data
number-not-english = `{ $value }` is not a number as English writes it (`,` between thousands, `.` before decimals: 1,234,567.8, as `number_format: en` asks); written the Vietnamese way it is { $meant }
date-expected = expected a date like 2024-03-07, found { $found }
value-null = nothing (null)
value-bool = true/false
value-number = a number
value-text = text
value-list = a list
value-object = an object

## Roll-up (crates/vanban-report/src/rollup.rs)

rollup-base-not-mapping = the base data must be a mapping of fields
rollup-base-has-indicators = the base data has `indicators`; a roll-up makes them from the units' (leave them out)
rollup-weights-not-map = `weights` must map indicator names to weight fields, e.g. {"{"}Tỷ lệ hộ nghèo: households{"}"}
rollup-no-units = no units to roll up
rollup-unit-twice = unit { $unit } ({ $name }) is listed twice: it is unit { $first } too
rollup-unit = unit { $unit } ({ $name })
rollup-weight-field = data `indicators.{ $index }.weight`: must name a field of the unit's data, e.g. households
rollup-indicator-twice = data `indicators.{ $index }.name`: `{ $name }` appears twice
rollup-unit-indicator = unit { $unit } ({ $name }), indicator `{ $indicator }`
rollup-unit-differs = { $at }: unit `{ $mine }` differs from `{ $other }` in another unit
# $mine, $other: amount, count, rate, score, index, age, other.
rollup-measure-differs = { $at }: measured as a { $mine }, in another unit as a { $other }
rollup-direction-differs = { $at }: its direction differs from another unit's
rollup-weight-differs = { $at }: weighted by `{ $mine }`, another unit by `{ $other }`
rollup-needs-weight = indicator `{ $indicator }` is in `{ $unit }`, a { $measure }, which is never summed: give it `weight: FIELD` (a number in each unit's data, e.g. households or population) to average it weighted
rollup-weight-bad = { $at }: weight field `{ $field }`: { $reason }
rollup-no-field = the unit's data has no such field
rollup-negative = { $value } is negative
rollup-near-miss = indicators `{ $first }` (units { $first_units }) and `{ $second }` (units { $second_units }) are kept apart though their names are nearly the same; if they are one indicator, write the name alike in every unit

## Sheets and cells (crates/vanban-report/src/sheet.rs)

xls-damaged = not a readable .xls workbook (its compound-file structure is damaged)
xls-no-signature = not an .xls workbook (no compound-file signature)
xls-no-workbook-stream = not an .xls workbook (no Workbook stream)
sheet-workbook-bytes = the workbook has { $bytes } bytes
sheet-not-found = no sheet `{ $name }`; the sheets are: { $names }
sheet-none = the workbook has no sheet
sheet-name = sheet `{ $name }`
sheet-cell = sheet `{ $sheet }`, cell { $cell }
sheet-cells = sheet `{ $sheet }`, cells { $cells }
sheet-field = , field `{ $field }`
sheet-formula-unsaved = the cell holds a formula whose result was never saved (the file was written by a program that does not compute formulas): open and save it in Excel or LibreOffice, or type the value
sheet-header-not-name = a header cell must be a field name, found { $found }
sheet-value-without-header = a value in a column without a field name in the header (row { $row })
sheet-header-twice = { $first } and { $second } both have the header `{ $header }`; rename one, so that no value is lost
sheet-header-depth = the header nests { $depth } deep
sheet-duration = a duration is not a value a document can hold
sheet-cell-error = the cell holds the error { $error }
sheet-the-number = the number { $value }
sheet-the-value = the value { $value }
sheet-reader-error = { $detail }

## The office's own workbook (crates/vanban-report/src/workbook.rs)

workbook-column = , column `{ $column }`
workbook-column-unknown = the column `{ $header }` is not an indicator field; name it in `columns:` ({"{"}"{ $header }": note{"}"}, or `-` to leave it out)
workbook-data-path = data `{ $path }`,{" "}
workbook-row-needs-name = sheet `{ $sheet }`, row { $row }: a row with figures needs the indicator's name in its `Chỉ tiêu` column
workbook-wrong-year = `{ $text }` is for { $year }, but the report is on { $want }
workbook-field-twice = sheet `{ $sheet }`: cells { $cells } all name the field `{ $field }`; keep one, or name the others in `columns:`

## Data files and rows (crates/vanban-report/src/data.rs)

data-format-unknown = cannot read data from `.{ $suffix }`; use .yaml, .json or .toml
data-not-mapping = the data must be a mapping of fields
data-field = field `{ $field }`
data-line = line { $line }
data-sheet-not-workbook = a sheet (`{ $name }`) can only be chosen in a workbook (.xlsx, .xls, .ods)
data-rows-format-unknown = cannot read rows from `.{ $suffix }`; use .csv, .jsonl, .yaml, .json, .xlsx, .xls or .ods
data-columns = columns { $columns }
data-column = column { $column }
data-row-cells = the row has { $cells } cells, the header row { $header }
data-not-json = not JSON: { $reason }
data-not-utf8 = not UTF-8: { $reason }
data-not-list = expected a list of items
data-index-and-field = column `{ $column }` mixes a list index with a field
data-index-too-large = list index { $index } is too large
data-field-and-index = column `{ $column }` mixes a field with a list index
data-sheet-not-text = `sheet` must be the sheet's name, as text
data-columns-not-map = `columns` maps a header's text to a field: {"{"}"Số liệu năm nay": actual{"}"}
data-csv-error = { $detail }

## Indicators (crates/vanban-report/src/indicators.rs, measure.rs)

data-at = data `{ $path }`
indicator-not-mapping = data `{ $path }`: an indicator is a mapping with name, unit, plan, actual
indicator-must-be-text = must be text
indicator-needs-name = every indicator needs a name
indicator-direction = `{ $value }` is neither `tăng` (more is better) nor `giảm` (less is better)
indicator-yes-no = `{ $value }` is neither yes (x, có, 1, true) nor no (empty, không, 0, false)
indicator-yes-no-type = write x, có, 1 or true for yes; leave empty for no
indicator-list-expected = data `{ $path }`: expected a list of indicators
subtotal-not-marked = is in the group but not marked `subtotal` (a group is added up whole or not at all)
# $measure: amount, count, rate, score, index, age, other.
subtotal-not-summable = is a { $measure } (`{ $unit }`): it cannot be added up
subtotal-other-quantity = is not the same quantity as `{ $first }` ({ $first_path }: `{ $first_unit }`, here `{ $unit }`)
subtotal-cannot = data `{ $path }`: the group `{ $group }` cannot be added up: `{ $name }` { $why }
measure-unknown = `{ $value }` is not a measure; write amount (giá trị), count (số lượng), rate (tỷ lệ), score (điểm), index (chỉ số), age (tuổi) or other (khác)

## Templates (crates/vanban-report/src/lib.rs)

template-folder-open = cannot open the template folder
template-folder-read = cannot read the template folder
template-outside-folder = points outside the template folder
template-not-found = no such template; there are: { $known }
template-data-not-object = the data must be an object (a mapping of fields)
template-header-invalid = the header it renders is not a valid input: { $problem } (rendered header line { $line_number }: `{ $line }`)
template-header-body = the header must not set `body`: the body is the Markdown after the second `---`
template-header-unquoted = `{ $expression }` in the header must stand inside double quotes ("…"), or be {"{{"}json …{"}}"} / {"{{"}int …{"}}"}, so data cannot break the YAML
template-data-depth = the data nests more than { $max } deep
template-number-too-large = the number { $value } is too large (at most 15 digits)
template-document-invalid = the document it makes is not valid

## Limits of templates and workbooks (crates/vanban-report/src/budget.rs, book.rs, xls_limits.rs)

limit-template-depth = blocks and subexpressions nest { $depth } deep
limit-template-work = the template's lists ({"{{"}#each{"}}"}) ask for more work
limit-template-text = the template writes more text than a field may hold
limit-cells-span = its cells span { $from }:{ $to } ({ $cells } cells)
limit-shared-strings-declared = xl/sharedStrings.xml: it declares { $count } shared strings
limit-shared-strings-more = xl/sharedStrings.xml: more shared strings
limit-sheet-cells = sheet `{ $sheet }`: its cells span { $rows } rows × { $columns } columns ({ $cells } cells; { $total } in the workbook so far)
limit-xls-sheet-cells = sheet { $sheet }: its cells span { $from }:{ $to } ({ $cells } cells; { $total } in the workbook so far)

## Partials (crates/vanban-report/src/partials.rs)

partials-too-deep = partials nest { $depth } deep, more than the limit of { $max }
partials-loop = partials call each other in a loop: { $chain }; a partial may not call itself
partials-chain-too-deep = partials nest more than the limit of { $max } deep: { $chain }

## The parsers' errors on data (crates/vanban-report/src/data.rs): in English, the parser's words alone

# $detail: the parser's own words (English) with their line and column, quoted in other languages.
data-syntax-yaml = { $detail }
data-syntax-json = { $detail }
data-syntax-toml = { $detail }

## Template helpers (crates/vanban-report/src/helpers.rs, report_helpers.rs; lib.rs render_error)

# $helper: the helper's name (`number`); $why: what is wrong.
template-helper-failed = {"{{"}{ $helper }{"}}"}: { $why }
template-in-partial = in partial `{ $partial }`: { $why }
template-no-such-field = the data has no such field (write {"{{"}#if field{"}}"}…{"{{"}/if{"}}"} around an optional one)
helper-argument-required = argument { $index } is required
helper-missing = is missing
helper-decimals = decimals= must be a whole number 0–10
helper-cite-object = expected an object with kind, number, date, issuer
helper-cite-field-text = `{ $key }` must be text, found { $found }
helper-cite-kind-missing = `kind` is missing (e.g. Kế hoạch)
helper-cite-date = `date`: { $why }
helper-whole-not-negative = must be a whole number ≥ 0
helper-roman-range = must be a whole number 1–3999
helper-list-expected = expected a list
helper-sum-field-text = the field name must be text, e.g. "plan"
# $at: the item, `[3]` or `[3].plan`.
helper-sum-item = item { $at }: { $why }
helper-result-too-large = the result is too large (at most 15 digits)
helper-text-expected = expected text, found { $found }
helper-whole = must be a whole number
helper-except-text = except= must be text

## Closed field lists (crates/vanban-report/src/closed.rs, refuse.rs)

closed-unknown-meant = `{ $path }` (did you mean `{ $meant }`? allowed there: { $allowed })
closed-unknown = `{ $path }` (allowed there: { $allowed })
# $fields: one or more closed-unknown…, joined by list-then.
refuse-no-such-field = the template has no such field: { $fields } (`vanban templates` lists its fields)
refuse-needed = the data lacks a field the template needs: { $fields }
refuse-zero-number = 0 is not a number in the register; for a blank slot (filled in after signing), leave `number` out
# Two items of a list, or an item and the rest.
list-then = { $head }; { $tail }

## Templates: handlebars' own words, indicator figures (crates/vanban-report/src/lib.rs)

# $detail: handlebars' words (English), quoted in other languages.
template-syntax = { $detail }
# $list: the problems, each on its own line.
indicators-problems = { $count } problem(s) in the indicators' figures:{ $list }
