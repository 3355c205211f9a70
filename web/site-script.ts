/**
 * The one script every page carries (inlined under the CSP nonce, like the styles).
 * Pages work without it; it only adds what a browser can do for the person:
 *  - `<form data-confirm="…">`: a consequential action (通过, 停用, 下架, 撤回授权) asks first;
 *  - `<button data-copy="#id">`: copies the text of the element named (a reset link).
 */
export const SITE_SCRIPT = `(function(){
document.addEventListener("submit",function(e){
  var f=e.target;if(!(f instanceof HTMLFormElement))return;
  var b=e.submitter,q=(b&&b.getAttribute("data-confirm"))||f.getAttribute("data-confirm");
  if(q&&!window.confirm(q))e.preventDefault();
},true);
document.addEventListener("click",function(e){
  var b=e.target instanceof Element?e.target.closest("button[data-copy]"):null;if(!b)return;
  var t=document.querySelector(b.getAttribute("data-copy"));if(!t)return;
  var text=(t.textContent||"").trim(),done=function(){var s=b.getAttribute("data-copied")||"已复制";var o=b.textContent;b.textContent=s;setTimeout(function(){b.textContent=o},2000)};
  if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text).then(done,function(){fallback()})}else fallback();
  function fallback(){var r=document.createRange();r.selectNodeContents(t);var sel=getSelection();sel.removeAllRanges();sel.addRange(r);try{document.execCommand("copy");done()}catch(_){}}
});
})();`;
