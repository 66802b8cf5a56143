//! The review report: escaping, byte spans shown on the decoded text, the `clu report`
//! command, and click-to-highlight in a real headless Chromium.

use clu_minutes::corpus::{self, Discovery};
use clu_minutes::pipeline::Options;
use clu_minutes::report::{render, Document};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MINUTES: &str = "Préfecture de la Marne\n\
Compte rendu du comité local des usagers (CLU) du 12 février 2024\n\n\
Étaient présents :\n\
- M. Jean DUPONT, président de l'association des usagers\n\
- Mme Lucie MARTIN, directrice de la citoyenneté\n\n\
Le taux de satisfaction atteint 89 % en 2023. Le label Qual-e-pref a été obtenu le 12 juillet 2022.\n";

fn report_of(path: &str, bytes: &[u8]) -> String {
    render(&[Document::new(path, bytes, &Options::default())])
}

/// The text of the runs of record `id`, joined (runs hold no nested tags).
fn run_text(html: &str, id: &str) -> String {
    let mut text = String::new();
    for piece in html.split(" data-ids=\"").skip(1) {
        let (ids, rest) = piece.split_once('"').unwrap();
        if ids.split(' ').any(|i| i == id) && !rest.starts_with(" title") {
            let content = &rest[rest.find('>').unwrap() + 1..];
            text.push_str(&content[..content.find('<').unwrap()]);
        }
    }
    assert!(!text.is_empty(), "no run for {id}");
    unescape(&text)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text shown in a document's source pane, corrections left out: it must be the
/// original text exactly.
fn shown_source(html: &str) -> String {
    let start = html.find("<pre>").unwrap() + 5;
    let pre = &html[start..start + html[start..].find("</pre>").unwrap()];
    let mut text = String::new();
    let mut rest = pre;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = if rest.starts_with("<ins") {
            rest.find("</ins>").unwrap() + 6
        } else {
            rest.find('>').unwrap() + 1
        };
        rest = &rest[end..];
    }
    text.push_str(rest);
    unescape(&text)
}

#[test]
fn input_text_cannot_inject_markup() {
    let hostile = format!(
        "{MINUTES}\n<script>alert('x')</script> \"><img src=x onerror=alert(1)> M. Paul <b>DURAND</b>, maire\n"
    );
    let html = report_of("<i>evil</i>\".txt", hostile.as_bytes());
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img") && !html.contains("<b>") && !html.contains("<i>evil"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;i&gt;evil&lt;/i&gt;&quot;.txt"));
    assert_eq!(shown_source(&html), hostile);
}

#[test]
fn page_is_self_contained() {
    let html = report_of("a.txt", MINUTES.as_bytes());
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for external in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "external reference {external}");
    }
}

#[test]
fn records_link_to_their_text_in_utf8_windows_1252_and_utf16() {
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(MINUTES);
    assert!(!unmappable);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(MINUTES.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [
        ("utf-8", MINUTES.as_bytes().to_vec()),
        ("windows-1252", cp1252.into_owned()),
        ("utf-16le", utf16),
    ] {
        let html = report_of("m.txt", &bytes);
        assert!(
            html.contains(&format!("{name}, ")),
            "{name}: encoding shown"
        );
        assert_eq!(
            shown_source(&html),
            MINUTES,
            "{name}: the original text, whole"
        );
        assert_eq!(
            run_text(&html, "D0-d0"),
            "12 février 2024",
            "{name}: first date"
        );
        let participant = run_text(&html, "D0-p0");
        assert!(
            participant.contains("DUPONT"),
            "{name}: first participant run is {participant:?}"
        );
        assert!(
            html.contains(
                "<a class=\"rec\" href=\"#D0-p0\" data-target=\"D0-p0\">M. Jean DUPONT</a>"
            ),
            "{name}"
        );
        assert!(
            html.contains("id=\"D0-p0\""),
            "{name}: anchor for the link without JS"
        );
    }
}

#[test]
fn repairs_show_the_original_struck_through_and_the_correction() {
    let ocr = MINUTES.replace("de la citoyenneté", "de Ia citoyenneté");
    let html = report_of("ocr.txt", ocr.as_bytes());
    let record =
        clu_minutes::pipeline::extract("ocr.txt", ocr.as_bytes(), &Options::default()).unwrap();
    assert!(
        !record.repairs.is_empty(),
        "the fixture has something to repair"
    );
    assert!(html.contains("<del class=\"m"), "original struck through");
    assert!(
        html.contains("<ins class=\"fix\" data-ids=\"D0-r0\""),
        "correction shown"
    );
    assert_eq!(shown_source(&html), ocr);
}

#[test]
fn every_record_link_has_its_anchor_in_the_fixtures() {
    let paths: Vec<String> = ["fixtures/seeds", "fixtures/ocr", "fixtures/synthetic"]
        .map(String::from)
        .to_vec();
    let inputs = corpus::discover(&paths, &Discovery::default());
    let documents = Document::collect(&inputs, &Options::default(), 1 << 26);
    assert!(documents.len() >= 25);
    assert!(
        documents.iter().all(|d| d.result.is_ok()),
        "every fixture is extracted"
    );
    let html = render(&documents);
    let attribute = |name: &str| -> Vec<String> {
        html.split(&format!(" {name}=\""))
            .skip(1)
            .map(|piece| piece[..piece.find('"').unwrap()].to_string())
            .collect()
    };
    let anchors: std::collections::HashSet<String> = attribute("id").into_iter().collect();
    let mut links = 0;
    for target in attribute("data-target") {
        assert!(anchors.contains(&target), "link to {target} has no anchor");
        links += 1;
    }
    assert!(links > 1000, "{links} links");
}

fn clu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clu"))
}

#[test]
fn cli_writes_the_report_and_reports_failures() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let status = clu()
        .args(["report", "fixtures/seeds/001_1961c616dff96f7a.txt", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("Haute-Marne (52)"));

    let missing = dir.path().join("missing.txt");
    let status = clu()
        .arg("report")
        .arg(&missing)
        .arg("fixtures/seeds/001_1961c616dff96f7a.txt")
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&status.stderr).contains("missing.txt"));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("class=\"failed\"") && html.contains("no such file or directory"));
}

// ---- In a real browser ------------------------------------------------------------------

fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let dirs: Vec<PathBuf> = std::env::split_paths(&std::env::var_os("PATH")?).collect();
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
    .find(|path| path.is_file())
}

/// The browser process, killed when the test ends however it ends.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts headless Chromium on a blank page; returns it with its DevTools port.
fn start_browser(binary: &Path) -> (Browser, u16) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--window-size=1280,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Chromium prints the port it chose on stderr; the thread keeps draining stderr after.
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("DevTools listening on ws://").nth(1) {
                let _ = tx.send(rest.to_string());
            }
        }
    });
    let browser = Browser {
        child,
        _profile: profile,
    };
    let address = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("chromium announces its DevTools port");
    let port = address
        .split('/')
        .next()
        .and_then(|host| host.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap();
    (browser, port)
}

fn http_get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    // DevTools keeps the connection open: read the headers, then Content-Length bytes.
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap();
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    String::from_utf8(body).unwrap()
}

/// A DevTools protocol session with one page.
struct Page {
    socket: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
    exceptions: Vec<String>,
}

impl Page {
    fn connect(port: u16) -> Page {
        let targets: Value = serde_json::from_str(&http_get(port, "/json/list")).unwrap();
        let url = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .expect("a page target")["webSocketDebuggerUrl"]
            .as_str()
            .unwrap()
            .to_string();
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let (socket, _) = tungstenite::client(url.as_str(), stream).expect("DevTools WebSocket");
        Page {
            socket,
            next_id: 0,
            exceptions: Vec::new(),
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"id": id, "method": method, "params": params}).to_string();
        self.socket
            .send(tungstenite::Message::text(message))
            .unwrap();
        loop {
            let tungstenite::Message::Text(text) = self.socket.read().expect("DevTools answer")
            else {
                continue;
            };
            let reply: Value = serde_json::from_str(text.as_str()).unwrap();
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{method}: {}", reply["error"]);
                return reply["result"].clone();
            }
            if reply["method"] == "Runtime.exceptionThrown" {
                self.exceptions
                    .push(reply["params"]["exceptionDetails"].to_string());
            }
        }
    }

    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression}: {}",
            result["exceptionDetails"]
        );
        result["result"]["value"].clone()
    }

    fn wait_for(&mut self, expression: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.eval(expression) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {expression}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&mut self, x: f64, y: f64) {
        for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    fn press_enter(&mut self) {
        let key = json!({"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13});
        let mut down = key.clone();
        down["type"] = json!("keyDown");
        down["text"] = json!("\r");
        let mut up = key;
        up["type"] = json!("keyUp");
        self.call("Input.dispatchKeyEvent", down);
        self.call("Input.dispatchKeyEvent", up);
    }
}

/// What the page shows for a record target: whether every run of it is highlighted, its
/// text, and whether the first run is visible in the text pane and the window.
const STATE: &str = r#"((id) => {
  const runs = [...document.querySelectorAll('[data-ids~="' + id + '"]')];
  if (runs.length === 0) { return { count: 0 }; }
  const pane = runs[0].closest('.src').getBoundingClientRect();
  const box = runs[0].getBoundingClientRect();
  return {
    count: runs.length,
    lit: runs.every((r) => r.classList.contains('hl')),
    text: runs.map((r) => r.textContent).join(''),
    visible: box.top >= pane.top && box.bottom <= pane.bottom && box.top >= 0 && box.bottom <= innerHeight,
  };
})"#;

#[test]
fn report_in_chromium_highlights_the_clicked_participant() {
    let Some(chromium) = find_chromium() else {
        // Straight to stderr, not `eprintln!`, so that the harness does not swallow it.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED report_in_chromium_highlights_the_clicked_participant: no Chromium found on PATH \
             (apt-get install chromium, as .ci/run does, or set CHROMIUM)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let out = clu()
        .args(["report", "fixtures/seeds", "fixtures/ocr", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_browser, port) = start_browser(&chromium);
    let mut page = Page::connect(port);
    page.call("Runtime.enable", json!({}));
    page.call("Page.enable", json!({}));
    page.call(
        "Page.navigate",
        json!({"url": format!("file://{}", report.display())}),
    );
    page.wait_for(
        "document.readyState === 'complete' && document.documentElement.classList.contains('js')",
    );
    assert_eq!(
        page.eval("document.querySelectorAll('section.doc').length"),
        json!(25),
        "the seeds and their OCR variants"
    );
    assert_eq!(
        page.eval("document.querySelectorAll('#index-table tbody tr:not(.failed)').length"),
        json!(25)
    );

    // A participant far down the list, so that the text pane has to scroll to it.
    let link = page.eval(
        r#"(() => {
          const doc = document.querySelector('section.doc[data-path$="seeds/001_1961c616dff96f7a.txt"]');
          const links = doc.querySelectorAll('table.people a[data-target]');
          const a = links[links.length - 1];
          a.scrollIntoView({ block: 'center' });
          const r = a.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, target: a.dataset.target, name: a.textContent };
        })()"#,
    );
    let target = link["target"].as_str().unwrap().to_string();
    let name = link["name"].as_str().unwrap().to_string();
    let before = page.eval(&format!("{STATE}('{target}')"));
    assert_eq!(
        before["lit"],
        json!(false),
        "nothing highlighted before the click"
    );
    page.click(link["x"].as_f64().unwrap(), link["y"].as_f64().unwrap());
    let after = page.eval(&format!("{STATE}('{target}')"));
    assert_eq!(
        after["lit"],
        json!(true),
        "{name}: span highlighted after the click ({after})"
    );
    assert_eq!(
        after["visible"],
        json!(true),
        "{name}: span scrolled into view ({after})"
    );
    let family = name.split_whitespace().last().unwrap();
    assert!(
        after["text"].as_str().unwrap().contains(family),
        "{name}: highlighted text is {}",
        after["text"]
    );

    let screenshot = page.call("Page.captureScreenshot", json!({"format": "png"}));
    let png = data_encoding::BASE64
        .decode(screenshot["data"].as_str().unwrap().as_bytes())
        .unwrap();
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    std::fs::write(&shot, &png).unwrap();
    if let Some(path) = std::env::var_os("CLU_REPORT_SCREENSHOT") {
        std::fs::write(path, &png).unwrap();
    }
    eprintln!("screenshot: {}", shot.display());

    // Keyboard: Enter on a focused record link highlights it too, and the previous one goes out.
    let first = page.eval(
        r#"(() => {
          const a = document.querySelector('section.doc[data-path$="seeds/001_1961c616dff96f7a.txt"] table.people a[data-target]');
          a.focus();
          return a.dataset.target;
        })()"#,
    );
    page.press_enter();
    let first = first.as_str().unwrap();
    assert_eq!(
        page.eval(&format!("{STATE}('{first}')"))["lit"],
        json!(true),
        "Enter highlights {first}"
    );
    assert_eq!(
        page.eval(&format!("{STATE}('{target}')"))["lit"],
        json!(false),
        "the previous highlight is cleared"
    );

    // Index: filtering by department hides the other documents and their sections.
    let shown = page.eval(
        r#"(() => {
          const select = document.getElementById('f-dept');
          select.value = 'Aisne (02)';
          select.dispatchEvent(new Event('change'));
          const all = [...document.querySelectorAll('#index-table tbody tr')];
          const aisne = all.filter((r) => r.cells[1].textContent === 'Aisne (02)').length;
          const rows = all.filter((r) => !r.hidden).length;
          const sections = [...document.querySelectorAll('section.doc')].filter((s) => !s.hidden).length;
          return [rows, sections, aisne];
        })()"#,
    );
    assert_eq!(
        shown,
        json!([6, 6, 6]),
        "the Aisne seed and its five OCR variants, nothing else"
    );
    assert!(
        page.exceptions.is_empty(),
        "script errors: {:?}",
        page.exceptions
    );
}
