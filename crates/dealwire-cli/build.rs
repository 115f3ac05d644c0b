//! A `bert` build of the command links libtorch: record where it lives so the
//! binary starts without `LD_LIBRARY_PATH`.

fn main() {
    println!("cargo:rerun-if-env-changed=LIBTORCH");
    if std::env::var_os("CARGO_FEATURE_BERT").is_some() {
        if let Ok(libtorch) = std::env::var("LIBTORCH") {
            println!("cargo:rustc-link-arg-bins=-Wl,-rpath,{libtorch}/lib");
        }
    }
}
