/*! Casebook: docs/readership.md */
(function(d,w,n){
var s=d.currentScript,E=s.dataset.endpoint,D=s.dataset.doc,L="addEventListener",
id=Math.random().toString(36).slice(2)+Date.now().toString(36),
an=n.doNotTrack=="1"||n.globalPrivacyControl,A=d.querySelector(".prose")||d.body,
v,q=0,sd=0,end=0,t=0,on=0,ls=0,le=0,lx=0;
function send(o){o.v=1;o.id=id;o.doc=o.doc||D;if(an)o.a=1;n.sendBeacon(E,JSON.stringify(o))}
function vis(){return d.visibilityState=="visible"}
function tick(){var x=Date.now();if(on)t+=x-on;on=vis()&&d.hasFocus()?x:0}
function scr(){sd=Math.max(sd,Math.min(100,(w.scrollY+w.innerHeight)*100/d.documentElement.scrollHeight|0));
if(A.getBoundingClientRect().bottom<=w.innerHeight+1)end=1}
function view(){if(v||!vis())return;v=1;
send({t:"pv",u:location.pathname.slice(0,1e3),r:d.referrer.slice(0,800),src:(new URLSearchParams(location.search).get("src")||"").slice(0,32)})}
function hide(){tick();var e=Math.min(t,144e5);
if(v&&(sd>ls||end>lx||e-le>=3e3)){send({t:"eng",n:q++,sd:sd,et:e,end:end});ls=sd;le=e;lx=end}}
d[L]("visibilitychange",function(){vis()?(view(),tick()):hide()});
w[L]("pagehide",hide);
d[L]("casebook:path",function(e){send(e.detail)});
w[L]("focus",tick);
w[L]("blur",tick);
w[L]("scroll",scr,{passive:!0});
scr();view();tick()
})(document,window,navigator);
