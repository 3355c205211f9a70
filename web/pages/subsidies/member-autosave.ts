/**
 * The application form's progressive enhancement, inlined under the page's CSP
 * nonce (no framework, no build step). Without it the form works as plain HTML.
 *
 * As the user types (debounced 800 ms) it
 *  1. posts the form to the page's estimate route, which parses it exactly as a
 *     form post would (元 → fen, per-field messages) and evaluates it on the
 *     enterprise's own records; the estimate panel and field messages update;
 *  2. PUTs { formValues, facts, revision } to the draft API, and says 已自动保存 hh:mm.
 * Every keystroke is also copied to localStorage under the application's id, so
 * when a save finds the session gone (401, or the page route's redirect to 登录)
 * nothing is lost: the page says so, retries when the window regains focus
 * (signed in again in another tab), and on the next load restores the copy if
 * the stored draft has not changed since (same revision) and saves it.
 *
 * Kept as a string, not a compiled function: the bundler may add helpers to a
 * function's source that would not exist in the browser.
 */
export const AUTOSAVE_SCRIPT = `(function () {
  "use strict";
  var form = document.getElementById("apply-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var status = document.getElementById("autosave-status");
  var estimate = document.getElementById("estimate-body");
  var key = "yq-subsidy-draft:" + form.getAttribute("data-id");
  var rev = Number(form.getAttribute("data-revision"));
  var timer = 0, busy = false, again = false, lost = false, restored = false;
  var controls = Array.prototype.filter.call(form.querySelectorAll("input[type=text], select, textarea"),
    function (c) { return c.name && c.name.charAt(0) !== "_"; });

  function values() { var v = {}; controls.forEach(function (c) { v[c.name] = c.value; }); return v; }
  function keep(pending) { try { localStorage.setItem(key, JSON.stringify({ values: values(), revision: rev,
    pending: pending, at: Date.now() })); } catch (e) { /* private mode: the server copy still counts */ } }
  function kept() { try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; } }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function say(text, warn, link) {
    status.textContent = text;
    status.className = warn ? "saved warn" : "saved";
    if (link) { var a = document.createElement("a"); a.href = "/login"; a.target = "_blank"; a.rel = "noopener";
      a.textContent = link; status.appendChild(document.createTextNode(" ")); status.appendChild(a); }
  }
  function signedOut() {
    lost = true;
    say("登录已超时,刚填写的内容已暂存在本机浏览器。请重新登录,回到本页后会自动恢复并保存。", true, "在新窗口登录");
  }
  function markErrors(errors) {
    controls.forEach(function (c) {
      var id = c.id + "-error", p = document.getElementById(id), msg = errors[c.name];
      var ids = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
      if (msg) {
        if (!p) { p = document.createElement("p"); p.className = "field-error"; p.id = id;
          c.parentNode.appendChild(p); }
        p.textContent = msg; c.setAttribute("aria-invalid", "true"); ids.push(id);
      } else {
        if (p) p.parentNode.removeChild(p);
        c.removeAttribute("aria-invalid");
      }
      if (ids.length) c.setAttribute("aria-describedby", ids.join(" ")); else c.removeAttribute("aria-describedby");
    });
  }
  function gone(r) { return r.type === "opaqueredirect" || r.status === 401; }
  // The typed fields only: the materials' file inputs belong to this form too, and their files go up on their own.
  function typed() { var q = new URLSearchParams(); new FormData(form).forEach(function (v, k) {
    if (typeof v === "string") q.append(k, v); }); return q; }

  function save() {
    if (busy) { again = true; return; }
    busy = true; lost = false;
    say("正在自动保存…");
    fetch(form.getAttribute("data-estimate"), { method: "POST", body: typed(), credentials: "same-origin",
      redirect: "manual", headers: { accept: "application/json" } })
      .then(function (r) {
        if (gone(r)) throw "signed-out";
        if (!r.ok) throw "failed";
        return r.json();
      })
      .then(function (est) {
        estimate.innerHTML = est.html;
        markErrors(est.errors || {});
        return fetch(form.getAttribute("data-draft"), { method: "PUT", credentials: "same-origin", headers: {
          "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({
          formValues: est.values, facts: est.facts, revision: rev }) });
      })
      .then(function (r) {
        if (gone(r)) throw "signed-out";
        if (r.status === 409) throw "stale";
        if (!r.ok) throw "failed";
        return r.json();
      })
      .then(function (body) {
        rev = body.application.revision;
        form.setAttribute("data-revision", String(rev));
        keep(false);
        var d = new Date();
        say((restored ? "已恢复上次在本机填写、尚未保存的内容,并" : "") + "已自动保存 " + two(d.getHours()) + ":" + two(d.getMinutes()));
        restored = false;
      })
      .catch(function (why) {
        if (why === "signed-out") signedOut();
        else if (why === "stale") say("这份申报已在别处修改或已提交,本页内容已暂存在本机。请刷新页面后核对。", true);
        else say("自动保存没有成功,内容已暂存在本机;可以点“保存草稿”。", true);
      })
      .then(function () {
        busy = false;
        if (again) { again = false; save(); }
      });
  }

  function edited() {
    keep(true);
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  }
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", function () { clearTimeout(timer); keep(true); });
  window.addEventListener("focus", function () { if (lost) save(); });

  var copy = kept();
  if (copy && copy.pending && copy.revision === rev && copy.values) {
    var changed = false;
    controls.forEach(function (c) {
      if (Object.prototype.hasOwnProperty.call(copy.values, c.name) && copy.values[c.name] !== c.value) {
        c.value = copy.values[c.name]; changed = true; }
    });
    if (changed) { restored = true; save(); } else keep(false);
  } else if (copy && copy.revision !== rev) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing to clean */ }
  }
})();`;
