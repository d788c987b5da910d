#!/usr/bin/env python3
# Same source: the normalized source_url; same date: not for year-only dates, nor within one
# collection other than icco (which holds several write-ups of one incident).
# Adds the "same" column: other write-ups of the same incident as the expected one (the same
# published source, or the same organisation on the same date).
import glob,re,os,collections,csv,sys
# Usage: python3 bench/search-quality/same-incident.py LIBRARY [-v | -w]
#   -v prints the queries whose write-up has others of the same incident; -w rewrites queries.tsv.
lib=sys.argv[1]; mode=sys.argv[2:]
meta={}
for p in glob.glob(os.path.join(lib,'incidents/*/*.md')):
    t=open(p).read(); fm=t.split('\n---\n',1)[0]
    g=lambda k:(re.search(r'^'+k+r': "?(.*?)"?$',fm,re.M) or [None,''])[1]
    meta[os.path.basename(p)[:-3]]=(g('source_url'),g('owner').lower(),g('date'),g('date_precision'),g('collection'))
def norm(u):
    u=re.sub(r'^https?://web\.archive\.org/web/\d+/','',u); u=re.sub(r'^https?://(www\.)?','',u); return u.rstrip('/').lower()
qf=os.path.join(os.path.dirname(os.path.abspath(__file__)),'queries.tsv')
rows=list(csv.reader(open(qf),delimiter='\t'))
out=[['query','expected','kind','split','same']]
for r in rows[1:]:
    q,i,k,s=r[:4]; u,o,d,dp,c=meta[i]
    same=sorted(x for x,(u2,o2,d2,dp2,c2) in meta.items() if x!=i and ((u and u2 and norm(u)==norm(u2)) or (o==o2 and d==d2 and 'year' not in (dp,dp2) and (c!=c2 or c=='icco/postmortems'))))
    out.append([q,i,k,s,','.join(same)])
    if same and mode==['-v']: print(k,q,'|',i,'~',same)
if mode==['-w']:
    with open(qf,'w') as f:
        for r in out: f.write('\t'.join(r)+'\n')
