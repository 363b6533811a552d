# vanban messages: output (en)

## Rendering and writing (crates/vanban-output/src/error.rs, render.rs)

output-unknown-format = unknown format `{ $name }` (use docx, pdf)
output-no-format = no output format given
output-no-suffix = { $path }: give the file a .docx or .pdf suffix
output-fonts = fonts: { $reason }
output-render = cannot render { $format }: { $reason }
# $reason: the system's own words.
output-io = { $path }: { $reason }
fonts-four-files = give four files, REGULAR,BOLD,ITALIC,BOLDITALIC; got { $count }
font-too-large = the file is larger than the limit of { $limit } bytes (raise it with --max-font-bytes)
path-reason = { $path }: { $reason }

## Python (python/src)

py-problems-in-input = { $count ->
        [one] 1 problem in the input
       *[other] { $count } problems in the input
    }
