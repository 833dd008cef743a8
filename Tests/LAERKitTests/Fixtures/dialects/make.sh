#!/bin/sh
# Regenerates the dialect fixtures from source-sheet.csv and source-wide.csv with LibreOffice:
# each source is imported as UTF-8 CSV into a spreadsheet (.ods), which is then saved as CSV in
# each dialect. Run from any directory; needs soffice (Debian: libreoffice-calc-nogui).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice() {
    command soffice "-env:UserInstallation=file://$work/profile" --headless --norestore "$@" >/dev/null
}
# name, field separator (ASCII code), character set (LibreOffice's code: 76 UTF-8, 1 Windows-1252, 65535 Unicode)
dialects="comma-utf8:44:76 semicolon-utf8:59:76 semicolon-cp1252:59:1 tab-utf16:9:65535 tab-utf8:9:76"
for shape in sheet wide; do
    mkdir -p "$work/ods"
    cp "$here/source-$shape.csv" "$work/$shape.csv"
    soffice --infilter=CSV:44,34,76,1 --convert-to ods --outdir "$work/ods" "$work/$shape.csv"
    for dialect in $dialects; do
        name=${dialect%%:*}
        rest=${dialect#*:}
        separator=${rest%%:*}
        charset=${rest#*:}
        mkdir -p "$work/$name"
        soffice --convert-to "csv:Text - txt - csv (StarCalc):$separator,34,$charset,1" --outdir "$work/$name" "$work/ods/$shape.ods"
        cp "$work/$name/$shape.csv" "$here/$shape-$name.csv"
    done
done
