//! What every handler shares: the configuration, the templates (loaded
//! once, at start) and the render pool.

use std::sync::{Arc, Mutex};

use vanban_report::Templates;

use crate::config::Config;
use crate::pool::Pool;

pub struct AppState {
    pub config: Config,
    pub templates: Templates,
    pub pool: Pool,
    /// The register, when started with `--db`; one caller at a time.
    pub register: Option<Arc<Mutex<vanban_register::Register>>>,
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
        let register = match &config.db {
            Some(db) => Some(Arc::new(Mutex::new(
                vanban_register::Register::open(db, &vanban_register::Settings::default())
                    .map_err(|e| e.to_string())?,
            ))),
            None => None,
        };
        Ok(AppState {
            config,
            templates,
            pool,
            register,
        })
    }
}
