/**
 * Pieces the pages' upload scripts share, as strings inlined into them (like the scripts).
 * SET_FIELD_ERROR_JS: the browser side of a field's error, as the server renders it
 * (`<p class="field-error" id="<input id>-error">`, aria-invalid, aria-describedby), so a
 * file refused in the browser is said where the server would say it.
 */
export const SET_FIELD_ERROR_JS = `function setError(input, msg) {
    var id = input.id + "-error", p = document.getElementById(id);
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (msg) {
      if (!p) {
        p = document.createElement("p"); p.className = "field-error"; p.id = id; input.parentNode.appendChild(p);
      }
      p.textContent = msg; input.setAttribute("aria-invalid", "true"); ids.push(id);
    } else {
      if (p) p.parentNode.removeChild(p);
      input.removeAttribute("aria-invalid");
    }
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }`;

/**
 * POST_WITH_PROGRESS_JS: sends a FormData with a progress bar in `status` and calls
 * done(httpStatus, jsonBodyOrNull); a network failure is done(0, null).
 */
export const POST_WITH_PROGRESS_JS = `function postWithProgress(url, data, status, fileName, done) {
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", "上传进度");
    status.className = "upload-status"; status.textContent = "";
    status.appendChild(bar); status.appendChild(document.createTextNode("正在上传“" + fileName + "”…"));
    var xhr = new XMLHttpRequest();
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    };
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON: the caller says what went wrong */ }
      done(xhr.status, body);
    };
    xhr.onerror = function () { done(0, null); };
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.send(data);
  }`;
