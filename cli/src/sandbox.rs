//! `lienthong sandbox serve`: the sandbox BHXH gateway on this machine, until Ctrl-C.

use crate::Failure;
use lienthong_connectors::sandbox::{
    demo_card_for, Sandbox, SandboxConfig, DEMO_FACILITY, DEMO_OFFICER_CCCD, DEMO_OFFICER_NAME,
    DEMO_USERNAME,
};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum SandboxCommand {
    /// Run the sandbox gateway with the demo configuration until Ctrl-C.
    Serve(ServeArgs),
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = 8130)]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Serve HTTPS with a fresh self-made CA (see --cert-out).
    #[arg(long)]
    tls: bool,
    /// With --tls: write the CA certificate (PEM) clients must trust to this file.
    #[arg(long)]
    cert_out: Option<PathBuf>,
}

pub fn run(command: &SandboxCommand) -> Result<ExitCode, Failure> {
    match command {
        SandboxCommand::Serve(args) => serve(args),
    }
}

fn serve(args: &ServeArgs) -> Result<ExitCode, Failure> {
    if args.cert_out.is_some() && !args.tls {
        return Err(Failure::CannotRun(
            "--cert-out needs --tls (--cert-out chỉ dùng cùng --tls)".into(),
        ));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::CannotRun(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let addr = SocketAddr::new(args.host, args.port);
        let sandbox = Sandbox::bind(SandboxConfig::demo(), addr, args.tls)
            .await
            .map_err(|e| Failure::CannotRun(format!("cannot listen on {addr}: {e}")))?;
        let url = if args.tls || args.host.is_loopback() || args.host.is_unspecified() {
            sandbox.url()
        } else {
            format!("http://{}", sandbox.local_addr())
        };
        println!("Cổng giám định BHYT giả lập (sandbox) đang chạy tại / Sandbox BHXH gateway listening on:");
        println!("    {url}");
        if let (Some(path), Some(pem)) = (&args.cert_out, sandbox.ca_certificate_pem()) {
            std::fs::write(path, pem).map_err(|e| {
                Failure::CannotRun(format!("cannot write {}: {e}", path.display()))
            })?;
            println!(
                "Chứng thư CA cần tin cậy / CA certificate to trust: {}",
                path.display()
            );
        }
        println!();
        println!("Tài khoản thử / Demo account:");
        println!("    username: {DEMO_USERNAME}   (maCSKCB {DEMO_FACILITY})");
        println!("    mật khẩu / password: \"sandbox-password\" (gửi MD5 / send its MD5)");
        println!("Cán bộ tra cứu / Lookup officer: {DEMO_OFFICER_NAME}, CCCD {DEMO_OFFICER_CCCD}");
        println!(
            "Thẻ hợp lệ / Valid card: {} (mọi mã kết quả: xem tài liệu / every result code: see the docs)",
            demo_card_for("000").unwrap_or_default()
        );
        println!("Dữ liệu là giả lập / All data is invented. Ctrl-C để dừng / Ctrl-C to stop.");
        tokio::signal::ctrl_c()
            .await
            .map_err(|e| Failure::CannotRun(format!("cannot wait for Ctrl-C: {e}")))?;
        println!("Đang dừng / Stopping.");
        sandbox.shutdown().await;
        Ok(ExitCode::SUCCESS)
    })
}
