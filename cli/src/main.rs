//! The `headshotpro` command.

fn main() {
    let args = std::env::args_os()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    std::process::exit(headshotpro_cli::run(args));
}
