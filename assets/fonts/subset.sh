#!/bin/sh
# Rebuilds the fallback fonts from Debian's font packages (see README.md).
# Needs: apt-get download fonts-noto-core fonts-noto-mono fonts-droid-fallback fonts-nanum,
# each unpacked with dpkg-deb -x into $SRC, and python3-fonttools.
set -e
SRC=${SRC:-x}
N=$SRC/usr/share/fonts/truetype/noto
S="python3 -m fontTools.subset --no-hinting --desubroutinize --layout-features=*"
$S $N/NotoSansSymbols2-Regular.ttf --unicodes="U+2190-21FF,U+2300-23FF,U+2460-24FF,U+2500-27BF,U+2B00-2BFF" --output-file=NotoSansSymbols2-Regular.ttf
$S $N/NotoSansMath-Regular.ttf --layout-features= --unicodes="U+2190-21FF,U+2200-22FF,U+27C0-27EF,U+2980-2AFF,U+00B1,U+00D7,U+00F7" --output-file=NotoSansMath-Regular.ttf
$S $N/NotoSansMono-Regular.ttf --unicodes="U+0020-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2190-2193,U+2500-257F" --output-file=NotoSansMono-Regular.ttf
$S $SRC/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf --unicodes="U+2E80-2FDF,U+3000-30FF,U+3100-312F,U+3190-31FF,U+3200-33FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF" --output-file=DroidSansFallbackFull.ttf
$S $SRC/usr/share/fonts/truetype/nanum/NanumGothic.ttf --unicodes="U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7AF,U+D7B0-D7FF" --output-file=BinderHangul-Regular.ttf
python3 - <<'PY'
from fontTools.ttLib import TTFont
f = TTFont('BinderHangul-Regular.ttf')
names = {1: 'Binder Hangul', 3: 'Binder Hangul Regular subset', 4: 'Binder Hangul Regular', 6: 'BinderHangul-Regular',
         16: 'Binder Hangul', 17: 'Regular', 18: 'Binder Hangul', 21: 'Binder Hangul', 22: 'Regular'}
for rec in f['name'].names:
    if rec.nameID in names:
        rec.string = names[rec.nameID]
f.save('BinderHangul-Regular.ttf')
PY
for f in Devanagari Bengali Hebrew; do $S $N/NotoSans$f-Regular.ttf --unicodes='*' --output-file=NotoSans$f-Regular.ttf; done
for f in *.ttf; do case $f in NotoSans-*) ;; *) gzip -9 -n -f "$f" ;; esac; done
