//! TEMPORARY stand-ins for colleague APIs that have not landed yet
//! (`vanban::template`). Delete once they exist.

pub mod template {
    use std::fmt;
    use std::path::Path;

    #[allow(dead_code)]
    #[derive(Debug)]
    pub enum TemplateErrorKind {
        NotFound,
        Input(vanban::InputError),
    }

    #[derive(Debug)]
    pub struct TemplateError {
        pub template: String,
        pub file: Option<String>,
        pub line: Option<usize>,
        pub column: Option<usize>,
        pub data_path: Option<String>,
        pub message: String,
        pub kind: TemplateErrorKind,
    }

    impl fmt::Display for TemplateError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "template `{}`: {}", self.template, self.message)
        }
    }

    pub struct Templates;

    impl Templates {
        pub fn builtin() -> Templates {
            Templates
        }
        pub fn with_dir(_: impl AsRef<Path>) -> Result<Templates, TemplateError> {
            Ok(Templates)
        }
        pub fn names(&self) -> Vec<&str> {
            Vec::new()
        }
        pub fn render_document(
            &self,
            name: &str,
            _: &serde_json::Value,
        ) -> Result<vanban::Document, TemplateError> {
            Err(TemplateError {
                template: name.into(),
                file: None,
                line: None,
                column: None,
                data_path: None,
                message: "templates are not in this build yet".into(),
                kind: TemplateErrorKind::NotFound,
            })
        }
    }
}
