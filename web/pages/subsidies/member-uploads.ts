/**
 * The materials' progressive enhancement, inlined under the page's CSP nonce.
 * Without it a chosen file belongs to the application form (`form="apply-form"`)
 * and travels with 上传, 保存草稿 or 提交申报, so it is never dropped.
 *
 * With it, a file is uploaded as soon as it is chosen, to the materials API
 * (multipart POST /api/v1/subsidies/applications/:id/materials), with a progress
 * bar; once stored it joins the list, the input is cleared (so the form does not
 * send it twice) and the 上传 buttons are not needed. 提交申报 pressed while a
 * file is still going up waits for it, then submits; a refused file stops the
 * submission and says why under its field, as the server would.
 *
 * Kept as a string, not a compiled function, like ./member-autosave.
 */
import { POST_WITH_PROGRESS_JS, SET_FIELD_ERROR_JS } from "../../components/upload-script-parts";

export const MATERIAL_UPLOAD_SCRIPT = `(function () {
  "use strict";
  var form = document.getElementById("apply-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var url = form.getAttribute("data-upload");
  var inputs = Array.prototype.slice.call(document.querySelectorAll("input[type=file][data-material]"));
  var submitStatus = document.getElementById("submit-status");
  var pending = 0, waiting = null, failed = false;

  function statusOf(input) { return document.getElementById(input.id + "-status"); }
  function say(input, text, warn) { var s = statusOf(input); s.textContent = text;
    s.className = warn ? "upload-status warn" : "upload-status"; }
  function kb(n) { return Math.max(1, Math.round(n / 1024)) + " KB"; }
  ${SET_FIELD_ERROR_JS}
  ${POST_WITH_PROGRESS_JS}
  function listed(input, m) {
    var id = input.getAttribute("data-material");
    var list = document.getElementById("files-" + id);
    var li = document.createElement("li"), a = document.createElement("a"), small = document.createElement("small");
    a.href = m.url; a.textContent = m.filename; small.textContent = kb(m.size) + " · 刚刚上传";
    li.appendChild(a); li.appendChild(document.createTextNode(" ")); li.appendChild(small);
    list.appendChild(li); list.hidden = false;
    var tag = document.getElementById("tag-" + id);
    if (tag) { tag.textContent = "已上传"; tag.className = "tag done"; }
    var label = document.querySelector("label[for='" + input.id + "']");
    if (label) label.textContent = "再选一份“" + input.getAttribute("data-name") + "”的文件";
  }
  function settled(ok) {
    pending--;
    if (!ok) failed = true;
    if (pending > 0 || !waiting) return;
    var submitter = waiting;
    waiting = null;
    if (failed) { submitStatus.textContent = "有文件没有上传成功,请按提示处理后再提交。"; submitStatus.className = "saved warn"; return; }
    submitStatus.textContent = "";
    if (form.requestSubmit) form.requestSubmit(submitter.tagName ? submitter : undefined); else form.submit();
  }

  function upload(input) {
    var file = input.files[0];
    var data = new FormData();
    data.append("kind", input.getAttribute("data-material"));
    data.append("file", file);
    setError(input, "");
    pending++;
    postWithProgress(url, data, statusOf(input), file.name, function (code, body) {
      if (code === 0) { say(input, "网络中断,文件还没有上传。可以重新选择,文件也会随“保存草稿”或“提交申报”一起保存。", true); return settled(false); }
      if (code === 201 && body && body.material) {
        listed(input, body.material);
        input.value = "";
        say(input, "已上传“" + body.material.filename + "”(" + kb(body.material.size) + ")。");
        return settled(true);
      }
      if (code === 401) say(input, "登录已超时,文件还没有上传。请在新窗口登录后重新选择;文件也会随“保存草稿”或“提交申报”一起保存。", true);
      else { say(input, ""); setError(input, (body && body.error && body.error.message) || "上传没有成功,请重新选择文件。"); }
      settled(false);
    });
  }

  inputs.forEach(function (input) {
    var box = input.closest(".upload");
    var button = box && box.querySelector("button[value=upload]");
    if (button) button.hidden = true;
    input.addEventListener("change", function () { if (input.files && input.files[0]) upload(input); });
  });
  form.addEventListener("submit", function (e) {
    if (pending === 0) return;
    e.preventDefault();
    failed = false;
    waiting = e.submitter || {};
    submitStatus.textContent = "正在上传材料,上传完成后自动提交…";
    submitStatus.className = "saved";
  });
})();`;
