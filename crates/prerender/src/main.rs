#![recursion_limit = "512"]

//! `cart-prerender <dist> [--origin https://example.org]`
//!
//! Renders every route that exists in the compiled content to `<route>/index.html` with the
//! app's own components (natively, feature `ssr`), so pages read fully before (or without)
//! the wasm, and the browser hydrates them instead of rebuilding them. Trunk's empty page is
//! kept as `shell.html`, the SPA fallback for paths that were not prerendered.

// mimalloc instead of the system allocator: rendering allocates many small strings on
// every core; at 10,000 articles the prerender measured about 20% less CPU with it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod assets;
mod page;
mod routes;
mod seo;

use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dist) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cart-prerender <dist> [--origin <https://host>]");
        return ExitCode::from(2);
    };
    let mut origin = std::env::var("CART_HUB_ORIGIN").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    while let Some(a) = args.next() {
        if a == "--origin" {
            origin = args.next().unwrap_or(origin);
        }
    }
    let origin = origin.trim_end_matches('/').to_string();
    match run(&dist, &origin).await {
        Ok(n) => {
            println!("prerender: {n} pages, sitemap.xml and robots.txt in {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(dist: &std::path::Path, origin: &str) -> Result<usize, String> {
    // Spawning inside the reactive system needs an executor.
    let _ = any_spawner::Executor::init_tokio();
    cart_hub::api::set_data_dir(dist.join("data"));

    // Trunk's page, with its assets fingerprinted under assets/ and integrity on every
    // script, is the shell: the fallback page, and the frame every page is written into.
    let shell_path = dist.join("shell.html");
    let shell = match std::fs::read_to_string(&shell_path) {
        Ok(s) => s, // an earlier run on this dist did it already
        Err(_) => {
            let page = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("reading index.html: {e}"))?;
            let s = assets::finalize(dist, &page, cart_hub::BASE)?;
            // The site's name, for portal.js to find in titles (pages get it in `page::assemble`).
            let s = s.replacen(
                "<body>",
                &format!("<body data-site-name=\"{}\" data-messages=\"{}\">", cart_hub::SITE_NAME, page::script_messages(cart_model::Lang::DEFAULT)),
                1,
            );
            std::fs::write(&shell_path, &s).map_err(|e| e.to_string())?;
            s
        }
    };

    let routes = routes::all(&dist.join("data"))?;
    render_all(&routes, dist, &shell, origin)?;
    std::fs::write(dist.join("sitemap.xml"), seo::sitemap(&routes, origin)).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("robots.txt"), seo::robots(origin)).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("manifest.webmanifest"), seo::web_manifest()).map_err(|e| e.to_string())?;
    Ok(routes.len())
}

/// Every route rendered and written, on every core: pages are independent, so each thread
/// takes every n-th route and renders it in its own single-threaded runtime (the reactive
/// system spawns onto the runtime of the thread it runs on).
fn render_all(routes: &[routes::Route], dist: &std::path::Path, shell: &str, origin: &str) -> Result<(), String> {
    // CART_PRERENDER_THREADS=1 renders one page at a time (for comparing, in benchmarks).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let threads = std::env::var("CART_PRERENDER_THREADS").ok().and_then(|n| n.parse().ok()).filter(|n| *n > 0).unwrap_or(cores);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                // A page's view renders recursively, deeper still in the debug build the
                // release build uses (scripts/build.sh): more than a spawned thread's 2 MB.
                let thread = std::thread::Builder::new().stack_size(64 << 20);
                thread.spawn_scoped(scope, move || -> Result<(), String> {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
                    runtime.block_on(async {
                        for route in routes.iter().skip(first).step_by(threads) {
                            render_one(route, dist, shell, origin).await?;
                        }
                        Ok(())
                    })
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.map_err(|e| e.to_string())?.join().map_err(|_| "a prerender thread panicked".to_string())?)
    })
}

async fn render_one(route: &routes::Route, dist: &std::path::Path, shell: &str, origin: &str) -> Result<(), String> {
    let rendered = page::render(&route.page.path_in(route.lang), route.lang).await;
    let html = page::assemble(shell, route, &rendered, origin)?;
    write_file(&dist.join(route.page.html_file_in(route.lang)), &html)?;
    write_file(&dist.join(route.page.data_script_in(route.lang).trim_start_matches('/')), &rendered.data_js)
}

fn write_file(file: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))
}

#[cfg(test)]
mod tests;
