//! The browser entry point Trunk builds.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cart_hub::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("CAR-T Hub runs in a browser: use scripts/serve.sh");
}
