/**
 * 申请入驻's files, uploaded as they are chosen (inlined under the page's CSP
 * nonce; without it the plain multipart form sends them, and a form with errors
 * keeps them on the server all the same).
 *
 * Each chosen file goes to POST /apply/uploads with the form's draft token and
 * its kind, with a progress bar; once kept it is listed under its field with a
 * 删除 button (POST /apply/uploads/delete) and the input is cleared, so the form
 * does not send it twice. 提交申请 pressed while a file is still going up waits
 * for it; a refused file is said under its field and stops the submission.
 *
 * Kept as a string, not a compiled function, like the subsidy form's scripts.
 */
import { POST_WITH_PROGRESS_JS, SET_FIELD_ERROR_JS } from "../../components/upload-script-parts";

export const APPLY_UPLOAD_SCRIPT = `(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.fetch || !window.URLSearchParams) return;
  var url = form.getAttribute("data-draft-upload");
  var token = form.querySelector("input[name=draftToken]").value;
  var submitStatus = document.getElementById("apply-submit-status");
  var pending = 0, waiting = false, failed = false;

  function kb(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(n / 1024)) + " KB"; }
  ${SET_FIELD_ERROR_JS}
  ${POST_WITH_PROGRESS_JS}
  function say(el, text, warn) { el.textContent = text; el.className = warn ? "upload-status warn" : "upload-status"; }

  function withDelete(li, input, status) {
    var name = li.querySelector("strong").textContent;
    var button = document.createElement("button");
    button.type = "button"; button.className = "btn secondary small"; button.textContent = "删除";
    button.setAttribute("aria-label", "删除“" + name + "”");
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(url + "/delete", { method: "POST", credentials: "same-origin", headers: { accept: "application/json" },
        body: new URLSearchParams({ draftToken: token, id: li.getAttribute("data-upload-id") }) })
        .then(function (r) {
          if (!r.ok && r.status !== 404) throw "failed";
          var list = li.parentNode;
          list.removeChild(li);
          if (!list.children.length) list.hidden = true;
          say(status, "已删除“" + name + "”。");
          input.focus();
        })
        .catch(function () { button.disabled = false; say(status, "删除没有成功,请重试。", true); });
    });
    li.appendChild(document.createTextNode(" "));
    li.appendChild(button);
  }

  function kept(input, list, status, u) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var li = document.createElement("li"), strong = document.createElement("strong");
    li.setAttribute("data-upload-id", u.id);
    strong.textContent = u.filename;
    li.appendChild(document.createTextNode("已上传:"));
    li.appendChild(strong);
    li.appendChild(document.createTextNode("(" + kb(u.size) + "),提交时一并提交。"));
    withDelete(li, input, status);
    list.appendChild(li);
    list.hidden = false;
  }

  function settled(ok) {
    pending--;
    if (!ok) failed = true;
    if (pending > 0 || !waiting) return;
    waiting = false;
    if (failed) { say(submitStatus, "有文件没有上传成功,请按提示处理后再提交。", true); return; }
    say(submitStatus, "");
    form.submit();
  }

  function upload(input, kind, list, status) {
    var file = input.files[0];
    var data = new FormData();
    data.append("draftToken", token);
    data.append("kind", kind);
    data.append("file", file);
    setError(input, "");
    pending++;
    postWithProgress(url, data, status, file.name, function (code, body) {
      if (code === 0) { say(status, "网络中断,文件还没有上传;提交时会随表单一起发送,也可以重新选择。", true); return settled(false); }
      if (code === 201 && body && body.upload) {
        kept(input, list, status, body.upload);
        input.value = "";
        say(status, "已上传“" + body.upload.filename + "”。");
        return settled(true);
      }
      say(status, "");
      setError(input, (body && body.error && body.error.message) || "上传没有成功,请重新选择文件。");
      settled(false);
    });
  }

  Array.prototype.forEach.call(form.querySelectorAll(".file-field[data-kind]"), function (field) {
    var input = field.querySelector("input[type=file]");
    var list = document.getElementById(input.id + "-kept");
    var status = document.getElementById(input.id + "-status");
    if (!list || !status) return;
    Array.prototype.forEach.call(list.querySelectorAll("li[data-upload-id]"), function (li) {
      withDelete(li, input, status);
    });
    input.addEventListener("change", function () {
      if (input.files && input.files[0]) upload(input, field.getAttribute("data-kind"), list, status);
    });
  });
  form.addEventListener("submit", function (e) {
    if (pending === 0) return;
    e.preventDefault();
    failed = false;
    waiting = true;
    say(submitStatus, "正在上传文件,上传完成后自动提交…");
  });
})();`;

export const KEPT_FILES_CSS = `
.file-field{display:flex;flex-direction:column;gap:6px}
ul.kept{list-style:none;margin:0;padding:0}
ul.kept li{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;padding:6px 10px;background:#ecfdf3;
  border:1px solid #32d583;border-radius:6px;word-break:break-all}
ul.kept .btn.small{min-height:44px;padding:0 14px}
.upload-status{margin:0;color:var(--muted);font-size:.9rem}
.upload-status:empty{display:none}
.upload-status progress{width:min(240px,60%);height:12px;vertical-align:middle;margin-right:8px}
.upload-status.warn{color:#7a271a;font-weight:600}
`;
