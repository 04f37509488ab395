//! `Gateway` and `Outbox`: the BHXH gateway client and the durable outbox, as blocking calls
//! that release the GIL while they wait on the network or the disk.

use crate::errors;
use crate::input::{open_failed, Input};
use lienthong::sign::{KeyFileSigner, Password};
use lienthong_connectors::bhxh::{
    Account, CardQuery, FileKind, GatewayClient, GatewayConfig, GatewayError, Generation, Officer,
};
use lienthong_connectors::outbox::{
    DispatchOptions, Entry, GatewayDispatchError, Outbox as RsOutbox, OutboxError, State,
};
use lienthong_connectors::prepare::{checkin_files, claim_files};
use lienthong_connectors::secret::Secret;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

fn gateway_error(py: Python<'_>, e: &GatewayError) -> PyErr {
    let kw = PyDict::new(py);
    let set = || -> PyResult<()> {
        kw.set_item("kind", e.class().name())?;
        kw.set_item("code", e.code())?;
        kw.set_item("transient", e.is_transient())?;
        kw.set_item("outcome_unknown", e.outcome_unknown())?;
        Ok(())
    };
    if let Err(err) = set() {
        return err;
    }
    errors::raise(py, "GatewayError", (e.to_string(),), Some(&kw))
}

fn outbox_error(py: Python<'_>, e: &OutboxError) -> PyErr {
    let kw = PyDict::new(py);
    if let Err(err) = kw.set_item("kind", "outbox") {
        return err;
    }
    errors::raise(py, "GatewayError", (e.to_string(),), Some(&kw))
}

fn runtime() -> PyResult<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("tokio runtime: {e}")))
}

/// A client of the BHXH appraisal gateway for one facility account. Sessions are taken and
/// renewed automatically; transient failures are retried; the password never prints.
#[pyclass(module = "lienthong._lienthong", frozen)]
#[derive(Debug)]
pub struct Gateway {
    client: Arc<GatewayClient>,
    rt: Arc<tokio::runtime::Runtime>,
}

#[pymethods]
impl Gateway {
    #[new]
    #[pyo3(signature = (url, facility, password, *, username=None, ca_cert_pem=None, officer_name=None, officer_cccd=None, timeout=60.0, max_attempts=5))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        url: String,
        facility: String,
        password: String,
        username: Option<String>,
        ca_cert_pem: Option<String>,
        officer_name: Option<String>,
        officer_cccd: Option<String>,
        timeout: f64,
        max_attempts: u32,
    ) -> PyResult<Self> {
        let mut account = Account::for_facility(&facility, Secret::new(password));
        if let Some(u) = username {
            account.username = u;
        }
        let mut cfg = GatewayConfig::new(url, account);
        if let Some(pem) = ca_cert_pem {
            cfg.extra_roots_pem.push(pem);
        }
        if let (Some(name), Some(cccd)) = (officer_name, officer_cccd) {
            cfg.officer = Some(Officer { name, cccd });
        }
        if timeout.is_finite() && timeout > 0.0 {
            cfg.request_timeout = Duration::from_secs_f64(timeout);
        }
        cfg.retry.max_attempts = max_attempts.max(1);
        let client = GatewayClient::new(cfg).map_err(|e| gateway_error(py, &e))?;
        Ok(Gateway {
            client: Arc::new(client),
            rt: Arc::new(runtime()?),
        })
    }

    /// Checks a card (`KQNhanLichSuKCB2024`); needs `officer_name` and `officer_cccd`.
    fn check_card<'py>(
        &self,
        py: Python<'py>,
        card: String,
        name: String,
        birth_date: String,
    ) -> PyResult<Bound<'py, PyDict>> {
        let q = CardQuery {
            card,
            name,
            birth_date,
        };
        let (client, rt) = (self.client.clone(), self.rt.clone());
        let check = py
            .detach(move || rt.block_on(client.check_card(&q)))
            .map_err(|e| gateway_error(py, &e))?;
        let d = PyDict::new(py);
        let (vi, en) = check.status.meaning();
        d.set_item("code", &check.code)?;
        d.set_item("usable", check.status.is_usable())?;
        d.set_item("meaning_vi", vi)?;
        d.set_item("meaning_en", en)?;
        d.set_item("note", &check.note)?;
        d.set_item("valid_from", &check.valid_from)?;
        d.set_item("valid_to", &check.valid_to)?;
        d.set_item("new_card", &check.new_card)?;
        Ok(d)
    }

    /// Sends one claim file (one HOSO) directly, without the outbox; returns the receipt.
    fn submit<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.send(py, data, FileKind::Claim)
    }

    /// Sends one check-in document directly, without the outbox; returns the receipt.
    fn check_in<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.send(py, data, FileKind::CheckIn)
    }

    fn __repr__(&self) -> String {
        format!(
            "Gateway({:?}, account={:?})",
            self.client.config().base_url,
            self.client.config().account.username
        )
    }
}

impl Gateway {
    fn send<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        kind: FileKind,
    ) -> PyResult<Bound<'py, PyDict>> {
        let bytes = Input::extract(data)?
            .into_bytes()
            .map_err(|e| open_failed(py, e))?;
        let (client, rt) = (self.client.clone(), self.rt.clone());
        let r = py
            .detach(move || {
                rt.block_on(async {
                    match kind {
                        FileKind::Claim => client.submit(&bytes).await,
                        FileKind::CheckIn => client.check_in(&bytes, Generation::Qd3176).await,
                    }
                })
            })
            .map_err(|e| gateway_error(py, &e))?;
        receipt_dict(py, &r)
    }
}

fn receipt_dict<'py>(
    py: Python<'py>,
    r: &lienthong_connectors::bhxh::Receipt,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", &r.code)?;
    d.set_item("ma_giao_dich", &r.ma_giao_dich)?;
    d.set_item("thoi_gian_tiep_nhan", &r.thoi_gian_tiep_nhan)?;
    d.set_item("message", &r.message)?;
    Ok(d)
}

fn entry_dict<'py>(py: Python<'py>, e: &Entry) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", e.id)?;
    d.set_item("kind", e.kind.name())?;
    d.set_item("generation", e.generation.name())?;
    d.set_item("facility", &e.facility)?;
    d.set_item("ma_lk", &e.ma_lk)?;
    d.set_item("version", e.version)?;
    d.set_item("sha256", &e.sha256)?;
    d.set_item("source", &e.source)?;
    d.set_item("state", e.state.name())?;
    d.set_item("attempts", e.attempts)?;
    d.set_item("code", &e.code)?;
    d.set_item("message", &e.message)?;
    d.set_item("ma_giao_dich", &e.ma_giao_dich)?;
    d.set_item("thoi_gian_tiep_nhan", &e.thoi_gian_tiep_nhan)?;
    d.set_item("last_error", &e.last_error)?;
    Ok(d)
}

/// The durable outbox: every file is written to an SQLite database before it is sent, and its
/// fate (accepted with `maGiaoDich`, rejected with the gateway's code, ...) is kept per `MA_LK`.
#[pyclass(module = "lienthong._lienthong", frozen)]
#[derive(Debug)]
pub struct Outbox {
    inner: RsOutbox,
}

fn signer(
    py: Python<'_>,
    key_path: Option<PathBuf>,
    password: Option<String>,
) -> PyResult<Option<KeyFileSigner>> {
    let Some(path) = key_path else {
        return Ok(None);
    };
    let key = std::fs::read(&path)
        .map_err(|e| errors::file_error(py, &e, &path.display().to_string()))?;
    let password = Password::new(password.unwrap_or_default());
    let s = if key.windows(10).any(|w| w == b"-----BEGIN") {
        KeyFileSigner::from_pem(&key, None, Some(&password))
    } else {
        KeyFileSigner::from_pkcs12(&key, &password)
    };
    s.map(Some)
        .map_err(|e| errors::simple(py, "KeyFileError", e.to_string()))
}

#[pymethods]
impl Outbox {
    /// Opens (creating if needed) the outbox at `path` (default: the user's data folder).
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(py: Python<'_>, path: Option<PathBuf>) -> PyResult<Self> {
        let path = path.unwrap_or_else(RsOutbox::default_path);
        let inner = py
            .detach(move || RsOutbox::open(path))
            .map_err(|e| outbox_error(py, &e))?;
        Ok(Outbox { inner })
    }

    /// The database file.
    #[getter]
    fn path(&self) -> String {
        self.inner.path().display().to_string()
    }

    /// Splits a `GIAMDINHHS` file into one claim file per HOSO, signs each when `key_path` is
    /// given, and writes them durably. Returns one dict per HOSO (`id`, `ma_lk`, `version`,
    /// `duplicate`).
    #[pyo3(signature = (data, *, key_path=None, password=None))]
    fn enqueue_claims<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        key_path: Option<PathBuf>,
        password: Option<String>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.enqueue(py, data, key_path, password, FileKind::Claim)
    }

    /// Writes the check-in documents of every visit of a `GIAMDINHHS` file durably.
    #[pyo3(signature = (data, *, key_path=None, password=None))]
    fn enqueue_checkins<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        key_path: Option<PathBuf>,
        password: Option<String>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.enqueue(py, data, key_path, password, FileKind::CheckIn)
    }

    /// Sends everything due through `gateway` (check-ins first), retrying transient failures
    /// with backoff, and returns a summary (`attempts`, `accepted`, `rejected`, `dead`,
    /// `superseded`, `left`).
    fn dispatch<'py>(&self, py: Python<'py>, gateway: &Gateway) -> PyResult<Bound<'py, PyDict>> {
        let (client, rt, outbox) = (
            gateway.client.clone(),
            gateway.rt.clone(),
            self.inner.clone(),
        );
        let sum = py
            .detach(move || {
                rt.block_on(outbox.dispatch(&client, &DispatchOptions::default(), |_| {}))
            })
            .map_err(|e| match e {
                GatewayDispatchError::Gateway(g) => gateway_error(py, &g),
                GatewayDispatchError::Outbox(o) => outbox_error(py, &o),
            })?;
        let d = PyDict::new(py);
        d.set_item("attempts", sum.attempts)?;
        d.set_item("accepted", sum.accepted)?;
        d.set_item("rejected", sum.rejected)?;
        d.set_item("dead", sum.dead)?;
        d.set_item("superseded", sum.superseded)?;
        d.set_item("left", sum.left)?;
        Ok(d)
    }

    /// Every entry, newest first, optionally only those in `state` (`pending`, `unknown`,
    /// `accepted`, `rejected`, `dead`, `superseded`).
    #[pyo3(signature = (state=None))]
    fn entries<'py>(
        &self,
        py: Python<'py>,
        state: Option<String>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let state = match state {
            Some(s) => Some(State::from_name(&s).ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(format!("unknown state: {s}"))
            })?),
            None => None,
        };
        let list = self.inner.list(state).map_err(|e| outbox_error(py, &e))?;
        list.iter().map(|e| entry_dict(py, e)).collect()
    }

    /// Every version of `ma_lk`, oldest first, each with its `attempts`.
    fn history<'py>(&self, py: Python<'py>, ma_lk: String) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let h = self
            .inner
            .history(&ma_lk)
            .map_err(|e| outbox_error(py, &e))?;
        let mut out = Vec::with_capacity(h.len());
        for (e, attempts) in h {
            let d = entry_dict(py, &e)?;
            let list: Vec<Bound<'py, PyDict>> = attempts
                .iter()
                .map(|a| {
                    let x = PyDict::new(py);
                    x.set_item("n", a.n)?;
                    x.set_item("outcome", &a.outcome)?;
                    x.set_item("code", &a.code)?;
                    x.set_item("ma_giao_dich", &a.ma_giao_dich)?;
                    x.set_item("error_class", &a.error_class)?;
                    x.set_item("error", &a.error)?;
                    Ok(x)
                })
                .collect::<PyResult<_>>()?;
            d.set_item("attempts_log", list)?;
            out.push(d);
        }
        Ok(out)
    }

    /// Makes dead entries (of `ma_lk`, or all) due again; returns how many changed.
    #[pyo3(signature = (ma_lk=None))]
    fn retry(&self, py: Python<'_>, ma_lk: Option<String>) -> PyResult<usize> {
        self.inner
            .retry(ma_lk.as_deref())
            .map_err(|e| outbox_error(py, &e))
    }

    fn __repr__(&self) -> String {
        format!("Outbox({:?})", self.inner.path())
    }
}

impl Outbox {
    fn enqueue<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        key_path: Option<PathBuf>,
        password: Option<String>,
        kind: FileKind,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let input = Input::extract(data)?;
        let source = input.name().to_string();
        let bytes = input.into_bytes().map_err(|e| open_failed(py, e))?;
        let signer = signer(py, key_path, password)?;
        let outbox = self.inner.clone();
        let result = py.detach(move || {
            let s = signer.as_ref().map(|s| s as &dyn lienthong::sign::Signer);
            let parts = match kind {
                FileKind::Claim => claim_files(&bytes, s),
                FileKind::CheckIn => checkin_files(&bytes, s),
            }
            .map_err(|e| e.to_string())?;
            let mut out = Vec::with_capacity(parts.len());
            for p in parts {
                let e = outbox
                    .enqueue(
                        p.kind,
                        p.generation,
                        &p.facility,
                        &p.ma_lk,
                        &p.bytes,
                        Some(&source),
                    )
                    .map_err(|e| e.to_string())?;
                out.push((p.ma_lk, e));
            }
            Ok::<_, String>(out)
        });
        let list = result.map_err(|m| errors::simple(py, "GatewayError", m))?;
        list.into_iter()
            .map(|(ma_lk, e)| {
                let d = PyDict::new(py);
                d.set_item("id", e.id)?;
                d.set_item("ma_lk", ma_lk)?;
                d.set_item("version", e.version)?;
                d.set_item("duplicate", e.duplicate)?;
                Ok(d)
            })
            .collect()
    }
}
