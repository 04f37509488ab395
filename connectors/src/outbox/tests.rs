use super::*;

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "lienthong-outbox-{}-{}-{name}",
        std::process::id(),
        store::now_ms()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("outbox.sqlite")
}

fn claim(o: &Outbox, ma_lk: &str, body: &[u8]) -> Enqueued {
    o.enqueue(
        FileKind::Claim,
        Generation::Qd3176,
        "99001",
        ma_lk,
        body,
        Some("f.xml"),
    )
    .unwrap()
}

#[test]
fn versions_count_up_and_same_bytes_are_not_written_twice() {
    let o = Outbox::open(tmp("versions")).unwrap();
    let a = claim(&o, "LK1", b"v1");
    assert_eq!((a.version, a.duplicate), (1, false));
    let again = claim(&o, "LK1", b"v1");
    assert_eq!((again.id, again.version, again.duplicate), (a.id, 1, true));
    let b = claim(&o, "LK1", b"v2");
    assert_eq!((b.version, b.duplicate), (2, false));
    // The unsent version 1 is superseded: it will never be sent after version 2.
    assert_eq!(o.get(a.id).unwrap().state, State::Superseded);
    assert_eq!(o.get(b.id).unwrap().state, State::Pending);
    // Another MA_LK and a check-in of the same MA_LK are separate records.
    let c = claim(&o, "LK2", b"v1");
    assert_eq!(c.version, 1);
    let ci = o
        .enqueue(
            FileKind::CheckIn,
            Generation::Qd3176,
            "99001",
            "LK1",
            b"c",
            None,
        )
        .unwrap();
    assert_eq!(ci.version, 1);
    assert_eq!(o.file(b.id).unwrap(), b"v2");
    let h = o.history("LK1").unwrap();
    assert_eq!(h.len(), 3);
}

#[test]
fn enqueued_files_survive_reopening() {
    let path = tmp("reopen");
    let id = {
        let o = Outbox::open(&path).unwrap();
        claim(&o, "LK9", b"content").id
    };
    let o = Outbox::open(&path).unwrap();
    let e = o.get(id).unwrap();
    assert_eq!(
        (e.state, e.ma_lk.as_str(), e.version),
        (State::Pending, "LK9", 1)
    );
    assert_eq!(o.file(id).unwrap(), b"content");
    assert_eq!(e.sha256, crate::hex::sha256(b"content"));
}

#[test]
fn a_send_under_way_when_the_process_stopped_becomes_unknown() {
    let path = tmp("crash");
    let id = {
        let o = Outbox::open(&path).unwrap();
        let id = claim(&o, "LK3", b"x").id;
        let n = o.mark_sending_for_tests(id);
        assert_eq!(n, 1);
        assert_eq!(o.get(id).unwrap().state, State::Sending);
        id
    };
    let o = Outbox::open(&path).unwrap();
    let e = o.get(id).unwrap();
    assert_eq!(e.state, State::Unknown);
    let at = o.attempts(id).unwrap();
    assert_eq!(at.len(), 1);
    assert_eq!(at[0].outcome, "interrupted");
}

#[test]
fn retry_revives_dead_entries_only() {
    let o = Outbox::open(tmp("retry")).unwrap();
    let id = claim(&o, "LK4", b"x").id;
    o.with(|c| {
        c.execute(
            "UPDATE entries SET state='dead', attempts=8 WHERE id=?1",
            [id],
        )?;
        Ok(())
    })
    .unwrap();
    let rejected = claim(&o, "LK5", b"y").id;
    o.with(|c| {
        c.execute(
            "UPDATE entries SET state='rejected' WHERE id=?1",
            [rejected],
        )?;
        Ok(())
    })
    .unwrap();
    assert_eq!(o.retry(Some("LK4")).unwrap(), 1);
    let e = o.get(id).unwrap();
    assert_eq!((e.state, e.attempts), (State::Pending, 0));
    o.retry(None).unwrap();
    assert_eq!(o.get(rejected).unwrap().state, State::Rejected);
}

#[test]
fn refuses_empty_keys_and_unknown_schema() {
    let path = tmp("schema");
    let o = Outbox::open(&path).unwrap();
    assert!(o
        .enqueue(FileKind::Claim, Generation::Qd3176, "99001", "", b"x", None)
        .is_err());
    o.with(|c| {
        c.execute("UPDATE meta SET value='99' WHERE key='schema'", [])?;
        Ok(())
    })
    .unwrap();
    drop(o);
    assert!(matches!(Outbox::open(&path), Err(OutboxError::Schema(_))));
}

#[test]
fn default_path_is_in_the_data_folder() {
    let p = Outbox::default_path();
    assert!(
        p.ends_with("lienthong/outbox.sqlite") || std::env::var_os("LIENTHONG_OUTBOX").is_some()
    );
}

#[test]
fn a_new_version_supersedes_an_older_one_waiting_to_be_resent() {
    let path = tmp("unknown-superseded");
    let v1 = {
        let o = Outbox::open(&path).unwrap();
        let v1 = claim(&o, "LK6", b"v1").id;
        o.mark_sending_for_tests(v1);
        v1
    };
    // The process stopped mid-send: version 1 is unknown, to be resent...
    let o = Outbox::open(&path).unwrap();
    assert_eq!(o.get(v1).unwrap().state, State::Unknown);
    // ...until version 2 arrives: then version 1 is never sent again.
    let v2 = claim(&o, "LK6", b"v2");
    assert_eq!(v2.version, 2);
    assert_eq!(o.get(v1).unwrap().state, State::Superseded);
    assert_eq!(o.get(v2.id).unwrap().state, State::Pending);
}
