/**
 * The one script every page carries (inlined under the CSP nonce, like the styles).
 * Pages work without it; it only adds what a browser can do for the person:
 *  - `<form data-confirm="…">`: a consequential action (通过, 停用, 下架, 撤回授权) asks first;
 *  - `<button data-copy="#id">`: copies the text of the element named (a reset link);
 *  - a table too wide for its box (.table-scroll) can be reached with Tab and scrolled with the keys;
 *  - the work navigation marks the section this page belongs to (aria-current, underlined);
 *  - the header's 大字版 switch (`<button data-textsize aria-pressed>`), kept in localStorage;
 *  - a refused form's error summary (`[data-error-summary]`) takes focus when the page opens,
 *    and each of its links moves focus to the field it names (a plain #link only scrolls),
 *    said with the field's own label where the message does not name it;
 *  - 政策计算器's past awards (`[data-award-rows]`): one empty row at a time, more with 再加一项.
 */

/** localStorage key of the 大字版 choice ("1" when on). */
export const LARGE_TEXT_KEY = "yq-large-text";

/**
 * Runs in <head> before first paint: marks that scripts run (the 大字版 switch is shown only
 * then) and applies 大字版 as this browser last chose it, so the page never re-flows.
 */
export const HEAD_SCRIPT = `(function(){var d=document.documentElement;d.classList.add("js");
try{if(localStorage.getItem("${LARGE_TEXT_KEY}")==="1")d.classList.add("large")}catch(e){}})();`;
export const SITE_SCRIPT = `(function(){
(function(){var here=location.pathname,best=null;
  document.querySelectorAll(".worknav a[href]").forEach(function(a){var h=a.getAttribute("href");
    if((here===h||here.indexOf(h+"/")===0)&&(!best||h.length>best.getAttribute("href").length))best=a});
  if(best)best.setAttribute("aria-current","page")})();
document.addEventListener("submit",function(e){
  var f=e.target;if(!(f instanceof HTMLFormElement))return;
  var b=e.submitter,q=(b&&b.getAttribute("data-confirm"))||f.getAttribute("data-confirm");
  if(q&&!window.confirm(q))e.preventDefault();
},true);
document.addEventListener("click",function(e){
  var b=e.target instanceof Element?e.target.closest("button[data-copy]"):null;if(!b)return;
  var t=document.querySelector(b.getAttribute("data-copy"));if(!t)return;
  var text=(t.textContent||"").trim(),done=function(){
    var s=b.getAttribute("data-copied")||"已复制";var o=b.textContent;b.textContent=s;
    setTimeout(function(){b.textContent=o},2000)};
  if(navigator.clipboard&&window.isSecureContext){
    navigator.clipboard.writeText(text).then(done,function(){fallback()})
  }else fallback();
  function fallback(){
    var r=document.createRange();r.selectNodeContents(t);var sel=getSelection();sel.removeAllRanges();sel.addRange(r);
    try{document.execCommand("copy");done()}catch(_){}
  }
});
// A table wider than its box scrolls inside it: keyboard users reach it with Tab and scroll it with the arrows.
// Checked again when the window changes width (a phone turned, a window narrowed): it may start scrolling.
function markScrollers(){document.querySelectorAll(".table-scroll").forEach(function(s){
  if(s.scrollWidth>s.clientWidth+1&&!s.hasAttribute("tabindex"))s.tabIndex=0})}
markScrollers();
var resizing=0;
addEventListener("resize",function(){cancelAnimationFrame(resizing);resizing=requestAnimationFrame(markScrollers)});
var root=document.documentElement,ts=document.querySelector("button[data-textsize]");
if(ts){
  ts.setAttribute("aria-pressed",String(root.classList.contains("large")));
  ts.addEventListener("click",function(){
    var on=!root.classList.contains("large");root.classList.toggle("large",on);
    ts.setAttribute("aria-pressed",String(on));
    try{if(on)localStorage.setItem("${LARGE_TEXT_KEY}","1");else localStorage.removeItem("${LARGE_TEXT_KEY}")}catch(_){}
  });
}
// The field a summary link names: by id, else by name in its form, else the control whose
// own error message (under it) reads the same. A fieldset gives its first control.
function fieldOf(a,text){
  var id=decodeURIComponent((a.getAttribute("href")||"").slice(1)),el=id?document.getElementById(id):null;
  var name=a.getAttribute("data-field"),scope=a.closest("form")||document;
  if(!el&&name)el=scope.querySelector('[name="'+CSS.escape(name)+'"]');
  if(!el)scope.querySelectorAll(".field-error[id]").forEach(function(p){
    if(!el&&(p.textContent||"").trim()===text)
      el=document.querySelector('[aria-describedby~="'+p.id+'"]')||
        document.getElementById(p.id.replace(/-error$/,""))});
  if(el&&!el.matches("input,select,textarea,button"))el=el.querySelector("input,select,textarea,button")||el;
  return el;
}
function labelOf(el){
  var l=el.id?document.querySelector('label[for="'+CSS.escape(el.id)+'"]'):null,box=el.closest("fieldset");
  return l||(box&&box.querySelector("legend"))||el.closest("label");
}
var summary=document.querySelector("[data-error-summary]");
if(summary){
  var targets=[];
  summary.querySelectorAll("a[href^='#']").forEach(function(a){
    var text=(a.textContent||"").trim(),el=fieldOf(a,text),l=el&&labelOf(el);
    var name=l?(l.textContent||"").trim().replace(/[((].*$/,""):"";
    if(!el)return;
    targets.push([a,el]);
    if(name&&text.indexOf(name)<0)a.textContent=name+":"+text;
  });
  // Listed in the order the fields come on the page, whatever order the server found them in.
  targets.sort(function(x,y){return x[1].compareDocumentPosition(y[1])&Node.DOCUMENT_POSITION_FOLLOWING?-1:1});
  targets.forEach(function(t){var li=t[0].closest("li");if(li)li.parentNode.appendChild(li)});
  summary.addEventListener("click",function(e){
    for(var i=0;i<targets.length;i++){
      if(!targets[i][0].contains(e.target))continue;
      var el=targets[i][1],l=labelOf(el);
      e.preventDefault();
      (l||el).scrollIntoView({block:"start"});
      el.focus({preventScroll:true});
    }
  });
  summary.focus();
}
// 政策计算器's past awards: the filled rows and one empty one; "再加一项" shows the next (at most the 10 rendered).
document.querySelectorAll("[data-award-rows]").forEach(function(box){
  var rows=[].slice.call(box.querySelectorAll("[data-award-row]")),add=box.querySelector("[data-award-add]"),last=-1;
  rows.forEach(function(r,i){
    var filled=[].some.call(r.querySelectorAll("input,select"),function(c){return !!c.value});
    if(r.querySelector("[aria-invalid]")||filled)last=i});
  rows.forEach(function(r,i){r.hidden=i>last+1});
  var sync=function(){if(add)add.hidden=!rows.some(function(r){return r.hidden})};
  if(add)add.querySelector("button").addEventListener("click",function(){
    var next=rows.filter(function(r){return r.hidden})[0];if(!next)return;
    next.hidden=false;sync();var s=next.querySelector("select");if(s)s.focus()});
  sync();
});
})();`;
