//! `blma serve`: the web platform, and `blma user`: accounts, from the server's shell.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use blma_storage::{Role, Store};
use blma_web::{App, Config};
use clap::{Args, Subcommand};

/// Where the data lives: shared by `serve` and `user`.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Directory of the embedded SQLite database (`blma.db`), created if missing.
    #[arg(long, default_value = "blma-data", env = "BLMA_DATA_DIR")]
    data_dir: PathBuf,
    /// A database URL instead, e.g. `postgres://blma:secret@localhost/blma` for a shared
    /// deployment.
    #[arg(long, env = "BLMA_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
}

impl DatabaseArgs {
    fn config(&self) -> Config {
        match &self.database_url {
            Some(url) => Config {
                database_url: url.clone(),
                ..Config::default()
            },
            None => Config::sqlite_in(&self.data_dir),
        }
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "BLMA_BIND")]
    bind: String,
    /// Largest upload accepted, in megabytes.
    #[arg(long, default_value_t = 25)]
    max_upload_mb: usize,
    /// Mark cookies Secure: set this when users reach the server over HTTPS (behind a proxy).
    #[arg(long, env = "BLMA_SECURE_COOKIES")]
    secure_cookies: bool,
}

pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async move {
        let started = Instant::now();
        let mut config = args.database.config();
        config.max_upload_bytes = args.max_upload_mb * 1024 * 1024;
        config.secure_cookies = args.secure_cookies;
        let app = App::start(config).await?;
        first_admin_from_env(app.state().store()).await?;
        let listener = tokio::net::TcpListener::bind(&args.bind)
            .await
            .with_context(|| {
                format!(
                    "cannot listen on {} (is another server using it? choose another with --bind)",
                    args.bind
                )
            })?;
        let admins = app.state().store().count_admins().await?;
        eprintln!(
            "blma is serving on http://{} (ready in {} ms; database: {})",
            listener.local_addr()?,
            started.elapsed().as_millis(),
            app.state().store().backend().name(),
        );
        if admins == 0 {
            eprintln!(
                "No administrator yet: create one with `blma user add --role admin EMAIL` \
                 (password on standard input), or set BLMA_ADMIN_EMAIL and BLMA_ADMIN_PASSWORD."
            );
        }
        axum::serve(listener, app.router())
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Creates the first administrator from `BLMA_ADMIN_EMAIL` and `BLMA_ADMIN_PASSWORD` when the
/// database has none: for unattended deployments. Never a default password.
async fn first_admin_from_env(store: &Store) -> anyhow::Result<()> {
    let (Ok(email), Ok(password)) = (
        std::env::var("BLMA_ADMIN_EMAIL"),
        std::env::var("BLMA_ADMIN_PASSWORD"),
    ) else {
        return Ok(());
    };
    if store.count_admins().await? > 0 {
        return Ok(());
    }
    blma_web::auth::create_user(store, &email, "", Role::Admin, &password)
        .await
        .context("BLMA_ADMIN_EMAIL / BLMA_ADMIN_PASSWORD")?;
    eprintln!("Created the administrator {email} from the environment.");
    Ok(())
}

#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from the first line of standard input
    /// (`echo 'a long passphrase' | blma user add --role admin ana@example.org`).
    Add {
        email: String,
        /// admin, analyst or viewer.
        #[arg(long, default_value = "viewer")]
        role: String,
        /// The name other users see; defaults to the part of the address before `@`.
        #[arg(long, default_value = "")]
        name: String,
    },
    /// List accounts.
    List,
}

pub fn user(args: UserArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async move {
        let config = args.database.config();
        let app_store = blma_web::open_store(&config.database_url).await?;
        match args.command {
            UserCommand::Add { email, role, name } => {
                let Some(role) = Role::parse(&role) else {
                    bail!("unknown role `{role}`: use admin, analyst or viewer");
                };
                let mut password = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut password)
                    .context("cannot read the password from standard input")?;
                let password = password.trim_end_matches(['\r', '\n']);
                let user =
                    blma_web::auth::create_user(&app_store, &email, &name, role, password).await?;
                println!("Created {} ({}).", user.email, user.role.as_str());
            }
            UserCommand::List => {
                for u in app_store.users().await? {
                    println!(
                        "{}\t{}\t{}{}",
                        u.email,
                        u.role.as_str(),
                        u.display_name,
                        if u.disabled { "\t(disabled)" } else { "" }
                    );
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}
