//! Puts libtorch's folder in the RUNPATH of binaries and test executables when
//! the `bert` feature is on, so they start without LD_LIBRARY_PATH.

fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if std::env::var_os("CARGO_FEATURE_BERT").is_none() {
        return;
    }
    if let Ok(libtorch) = std::env::var("LIBTORCH") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{libtorch}/lib");
    }
}
