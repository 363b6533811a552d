//! What every handler shares: the configuration, the templates (loaded
//! once, at start) and the render pool.

use std::sync::Arc;

use vanban_report::Templates;

use crate::config::Config;
use crate::pool::Pool;

pub struct AppState {
    pub config: Config,
    pub templates: Templates,
    pub pool: Pool,
}

pub type Shared = Arc<AppState>;

impl AppState {
    /// Loads the templates (the built-ins and `--templates`); a folder that
    /// cannot be read stops the start with its reason.
    pub fn new(config: Config) -> Result<AppState, String> {
        let templates = match &config.templates {
            Some(dir) => {
                Templates::with_dir_limited(dir, &config.limits).map_err(|e| e.to_string())?
            }
            None => Templates::builtin(),
        };
        let pool = Pool::new(config.worker_count(), config.queue);
        Ok(AppState {
            config,
            templates,
            pool,
        })
    }
}
