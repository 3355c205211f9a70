/**
 * The browser side of a field's error, as the server renders it (`<p class="field-error"
 * id="<input id>-error">`, aria-invalid, aria-describedby): one function, inlined into the
 * pages' upload scripts so that a file refused in the browser is said where the server
 * would say it. A string, like the scripts it is placed in.
 */
export const SET_FIELD_ERROR_JS = `function setError(input, msg) {
    var id = input.id + "-error", p = document.getElementById(id);
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (msg) {
      if (!p) { p = document.createElement("p"); p.className = "field-error"; p.id = id; input.parentNode.appendChild(p); }
      p.textContent = msg; input.setAttribute("aria-invalid", "true"); ids.push(id);
    } else {
      if (p) p.parentNode.removeChild(p);
      input.removeAttribute("aria-invalid");
    }
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" ")); else input.removeAttribute("aria-describedby");
  }`;
