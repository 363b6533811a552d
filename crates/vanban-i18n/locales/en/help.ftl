# vanban messages: the command line's help (en)
#
# `vanban --help` and each command's: cli-about-COMMAND describes a command
# (cli-about-register-issue), cli-help-COMMAND-ARG an argument of one
# command, cli-help-GROUP-ARG an argument of a group several commands share
# (db-args, limit-args, lint-limit-args, filter-args, image-args), and
# cli-help-ARG an argument that means the same wherever it is. The English
# help is the code's own doc comments; these texts are shown in English
# only for an argument the code leaves without one.

## Commands

cli-about = Vietnamese administrative documents (văn bản hành chính) laid out as Decree 30/2020/NĐ-CP requires
cli-after-help = Exit status: 0 success, 1 bad input, 2 wrong usage or a file that cannot be read, 143/130 stopped by SIGTERM/SIGINT.
    Example: vanban render examples/ke-hoach-1026.yaml -o out/
cli-about-help = Print this message or the help of the given subcommand(s)
cli-about-render = Render input files (.yaml, .yml, .json, .toml) to documents
cli-about-templates = List the templates and the data fields each reads
cli-about-batch = Render one document per item of a data file (.csv, .jsonl, or a .yaml/.json list) through a template, in parallel
cli-about-rollup = Roll units' year-end data up into one report (sums for amounts, weighted averages for rates) with a per-unit table
cli-about-check = Validate input files and print every problem; writes nothing. With --template, the inputs are data files (or files of rows, as for batch), checked as they would render
cli-about-schema = Print the JSON Schema of the input format (for editor completion)
cli-about-lint = Check DOCX or PDF files (made by anyone) against Decree 30; exit 1 when an error is found, 2 when a file cannot be read
cli-about-serve = Serve the HTTP API (for e-office systems) and the web page (for clerks) until SIGTERM or Ctrl-C
cli-about-register = The office's registers (sổ đăng ký văn bản): numbers, the outgoing and incoming books, in SQLite or PostgreSQL
cli-about-register-init = Create a register: `--db so-dang-ky.db` or `--db postgres://…`
cli-about-register-info = The register's settings and the last number of each sequence
cli-about-register-issue = Number, record and render documents whose number (and date) are left out
cli-about-register-reserve = Hold the next number for a document signed on paper
cli-about-register-void = Cancel a number, with the reason; it stays in the book
cli-about-register-render = Write an entry's files again (after a failed or interrupted render)
cli-about-register-list = List entries (outgoing by default)
cli-about-register-search = Search entries by words (summary, symbol, signer, recipients)
cli-about-register-show = One entry, every field
cli-about-register-verify = Re-hash the recorded files; report any changed or missing (exit 1)
cli-about-register-import = Record an existing year's register (.xlsx, .ods, .xls or .csv) with its own numbers: all rows or none
cli-about-register-receive = Register received documents (DOCX or PDF): the next incoming number
cli-about-register-export = Print a year's book (outgoing, or incoming) as PDF, DOCX and .xlsx
cli-about-sign = Sign a PDF (PAdES, an incremental update): first as the signer, then as the office. The key's password: $VANBAN_P12_PASSWORD, or a prompt
cli-about-verify = Verify every signature of a PDF; exit 1 when one is broken, does not cover what it claims, or there is none (2: the file cannot be read)
cli-about-copy = Make a copy (sao y, sao lục, trích sao): electronic (ô 14: the kind, the copying office and the signing time at the top right of page 1, signed by the copying office) or, with --paper, the paper copy (the copy's block under the copied text)

## Arguments of every command

cli-help-lang = Language of the messages: en (default) or vi (tiếng Việt); without it, LC_ALL, LC_MESSAGES or LANG (vi_VN.UTF-8) decide
cli-help-help = Print help
cli-help-version = Print version

## Arguments that mean the same wherever they are

cli-help-inputs = Input files
cli-help-output = Output folder (created if missing)
cli-help-format = Output formats, comma-separated: docx, pdf
cli-help-fonts = PDF fonts instead of the built-in Liberation Serif: four files, REGULAR,BOLD,ITALIC,BOLDITALIC
cli-help-template = The template (see `vanban templates`)
cli-help-templates = A folder of templates that adds to or overrides the built-ins
cli-help-sheet = The sheet of a workbook (.xlsx, .xls, .ods) to read; the first by default
cli-help-json = Print the result as JSON
cli-help-year = The year, when the number is in the books of several years
cli-help-entry = `12` (entry id) or `15/KH-VP`
cli-help-body = Number in this advisory body's sequence
cli-help-summary = The summary (trích yếu)
cli-help-reason = Why the number is voided (kept in the book)
cli-help-sign = Sign each PDF with this .p12 key: the first is the signer's, a second the office's (password: $VANBAN_P12_PASSWORD or a prompt)
cli-help-pdfa = Write PDFs as PDF/A-2b (ISO 19005-2), for the archive
cli-help-data = The data file
cli-help-jobs = Documents rendered at once; 0 means one per core
cli-help-name-field = Data field whose value names each file (default: TEMPLATE-001 …)
cli-help-progress = Show progress on stderr even when it is not a terminal (on a terminal it is always shown)
cli-help-base = The district's own data (issuer, year, signer …), without indicators
cli-help-units = The units' data: .yaml/.json/.toml files, or files of rows (.csv, .jsonl, .xlsx, .xls, .ods: one unit per row)
cli-help-fix = Write a fixed copy of the (one) DOCX given: fonts, sizes, emphasis, margins, spacing, indent, number and date padding; lists what still needs a person
cli-help-in-place = With --fix: replace the DOCX itself (a new file renamed over it, only when every check passed)
cli-help-addr = Address to listen on. Anything but loopback (127.0.0.1, ::1) needs --token
cli-help-token = The token clients send as `Authorization: Bearer TOKEN` on /v1/ requests (also read from VANBAN_TOKEN)
cli-help-workers = Documents rendered at once; 0 means one per core
cli-help-queue = Requests that may wait for a worker; past that they get 503 and Retry-After
cli-help-timeout = Longest a request may take, in seconds (503 past it)
cli-help-read-timeout = Longest a client may take to send its headers, or its body, in seconds
cli-help-scheme = `shared` (one sequence for every kind) or `per-kind`
cli-help-office = The office (printed on the books' covers)
cli-help-bodies = An advisory body (Hội đồng, Ban, Tổ) numbering in its own sequence; repeat for each
cli-help-reserved = Complete this reserved number (`12` or `15/KH-VP`) with the input
cli-help-secret = A secret document (its own sequence)
cli-help-words = Words to look for (summary, symbol, signer, recipients)
cli-help-file = The register to import (.xlsx, .ods, .xls or .csv)
cli-help-issuer = Values that cannot be read from the file (or that replace it)
cli-help-document-date = The document's own date (YYYY-MM-DD), if it cannot be read from the file
cli-help-recipient = Đơn vị hoặc người nhận
cli-help-role = Who signs: signer (the competent person) or office
cli-help-attachment = A separate-file attachment: the office's mark (this number and symbol, and the signing time) in 10 pt at the top right of page 1
cli-help-tsa = An RFC 3161 timestamp authority: not supported in this build (refused, nothing written)
cli-help-trust = Trusted certificates (PEM): signers must chain to one of them
cli-help-by = The copying office (with --paper: `issuer.name` of the block)
cli-help-abbreviation = The copying office's abbreviation, for the copy's symbol (SY-UBND) with --db (with --paper: `issuer.abbreviation`)
cli-help-paper = Make the paper copy: the copy's block (SAO Y, the copying office, number, place and date, signer, seal, Nơi nhận) under the copied text, from --block
cli-help-block = The paper copy's block (.yaml, .json, .toml): the fields of a document's header and signature (README, "Copies")

## Arguments of one command

cli-help-render-fonts = PDF fonts instead of the built-in Liberation Serif, e.g. a licensed Times New Roman: four files, REGULAR,BOLD,ITALIC,BOLDITALIC
cli-help-render-template = Read the inputs as data for this template (see `vanban templates`)
cli-help-rollup-sheet = The sheet of workbook unit files; the first by default
cli-help-check-template = Check the inputs as data for this template (see `vanban templates`)
cli-help-check-sheet = The sheet of workbook data files; the first by default
cli-help-check-fonts = Check that these PDF fonts (REGULAR,BOLD,ITALIC,BOLDITALIC) have every character, instead of the built-in Liberation Serif
cli-help-lint-files = DOCX or PDF files
cli-help-lint-json = Print the findings as JSON (one array, an object per file)
cli-help-serve-db = The office's register (`vanban register init --db …`): a SQLite file or a postgres:// URL; adds the /v1/register routes and the page's "Cấp số"
cli-help-serve-files = Where documents issued through the register are written
cli-help-register-issue-date = The date of issue (YYYY-MM-DD); today in Vietnam by default
cli-help-register-reserve-kind = The kind (`ke-hoach`, `KH`, `Kế hoạch`)
cli-help-register-reserve-symbol = The symbol (`KH-VP`)
cli-help-register-reserve-date = The date of the number held (YYYY-MM-DD); today in Vietnam by default
cli-help-register-render-output = Another folder than the one recorded
cli-help-register-verify-year = Only this year's files
cli-help-register-receive-files = The received files (DOCX or PDF)
cli-help-register-receive-date = The arrival date (YYYY-MM-DD); today in Vietnam by default
cli-help-register-receive-number = The document's number, if it cannot be read from the file
cli-help-register-receive-symbol = The document's symbol (`15/KH-UBND`'s `KH-UBND`), if it cannot be read from the file
cli-help-register-receive-kind = The document's kind (`ke-hoach`, `KH`, `Kế hoạch`), if it cannot be read from the file
cli-help-register-export-year = The year of the book
cli-help-register-export-incoming = The incoming book (sổ văn bản đến) instead of the outgoing one
cli-help-register-export-output = Output folder (created if missing)
cli-help-register-export-format = Formats: pdf, docx, xlsx
cli-help-sign-input = The PDF to sign
cli-help-sign-output = The signed PDF (may be the input itself)
cli-help-sign-p12 = The key and certificate (.p12 / .pfx)
cli-help-sign-time = The signing time, ISO 8601 (2026-12-07T14:30:00+07:00); default now
cli-help-verify-file = The signed PDF
cli-help-verify-json = {"{"}"signatures": [{"{"}"signer", "role", "time", "intact", "covers_whole_file", "trusted"{"}"}, …]{"}"}
cli-help-copy-input = The document to copy (PDF)
cli-help-copy-output = The copy (PDF)
cli-help-copy-kind = sao-y, sao-luc or trich-sao
cli-help-copy-p12 = The copying office's key (.p12); an electronic copy only
cli-help-copy-number = The copy's number (05/SY-VP; with --paper also 05)
cli-help-copy-db = Take the number from the register's copy sequence (a file or a postgres:// URL) and record the copy's file there
cli-help-copy-time = The signing time, ISO 8601; default now
cli-help-copy-max-field-chars = Longest text of one field of the --block file, in characters [default: 1000000]
cli-help-copy-max-depth = Deepest nesting of lists and mappings in the --block file [default: 64]

## Groups of arguments several commands share

cli-help-db-args-db = The register: a file (SQLite) or a postgres:// URL
cli-help-db-args-read-only = Open for reading only (auditors): any change is refused
cli-help-db-args-busy-timeout = Longest wait, in seconds, for a register locked by another clerk
cli-help-db-args-durable = SQLite: sync the disk at every commit, so even a power cut loses no number given out (slower: one disk sync per number)
cli-help-filter-args-year = Only this year's entries
cli-help-filter-args-kind = A kind (`ke-hoach`, `KH`, `Kế hoạch`)
cli-help-filter-args-incoming = The incoming book
cli-help-image-args-image = A PNG shown as the signature (the signer's signature or the seal)
cli-help-image-args-rect = Where the image stands, in PDF points from the page's bottom left: X0,Y0,X1,Y1
cli-help-image-args-page = The page of the image (1 = the first)
cli-help-limit-args-max-file-bytes = Largest input, data or template file read, in bytes [default: 16 MiB]
cli-help-limit-args-max-font-bytes = Largest font file read by --fonts, in bytes [default: 64 MiB]
cli-help-limit-args-max-field-chars = Longest text of one field, in characters [default: 1000000]
cli-help-limit-args-max-depth = Deepest nesting of lists and mappings in YAML/JSON/TOML [default: 64]
cli-help-limit-args-max-partial-depth = Deepest chain of template partials [default: 16]
cli-help-limit-args-max-table-columns = Most columns in a body table [default: 20]
cli-help-limit-args-max-cells = Most cells a sheet may span (its used rectangle) [default: 4000000]
cli-help-limit-args-max-inflated-bytes = Most bytes a zip file's parts (.xlsx, .ods) inflate to [default: 256 MiB]
cli-help-limit-args-max-inflate-ratio = Largest inflated-to-compressed ratio of a zip part over 1 MiB [default: 100]
cli-help-limit-args-max-template-depth = Deepest nesting of template blocks ({"{{"}#if{"}}"}, {"{{"}#each{"}}"}) [default: 32]
cli-help-limit-args-max-template-work = Most steps of one template rendering (items visited, KB written) [default: 1000000]
cli-help-lint-limit-args-max-file-bytes = Largest file read, in bytes [default: 16 MiB]
cli-help-lint-limit-args-max-part-bytes = Largest DOCX part once inflated, or PDF stream once decoded, in bytes [default: 64 MiB]
cli-help-lint-limit-args-max-inflate-ratio = Largest inflated/compressed ratio of a DOCX part over 1 MiB [default: 1000]
cli-help-lint-limit-args-max-xml-depth = Deepest XML element nesting in a DOCX part [default: 256]
cli-help-lint-limit-args-max-xml-nodes = Most XML nodes in one DOCX part [default: 4000000]
cli-help-lint-limit-args-max-nesting = Deepest nesting of tables, text boxes, PDF `q` and arrays [default: 64]
cli-help-lint-limit-args-max-page-operators = Most operators (and glyphs) in one PDF page [default: 1000000]
cli-help-lint-limit-args-max-operators = Most operators in a whole PDF [default: 20000000]
cli-help-lint-limit-args-max-pages = Most pages of a PDF [default: 10000]
cli-help-lint-limit-args-max-font-entries = Most codes a PDF font's width table or ToUnicode map covers [default: 1048576]
