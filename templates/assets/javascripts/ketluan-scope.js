/* Material's first script (partials/javascripts/base.html), loaded from this one file instead of
   written into every page: its storage helpers, scoped to the site's root, found from this
   file's own address (assets/javascripts/) rather than from the page's relative root.
   tests/test_theme_copies.py checks it against the installed Material. */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
