#!/usr/bin/env python3
"""Writes a WXR 1.2 file of N generated comments (default 100,000) in 1,000 posts, to stdout.
Every third comment replies to the one before it; 1 in 20 is pending, 1 in 50 spam, 1 in 100 trashed,
1 in 100 a pingback (skipped by the import). Deterministic: the same N gives the same file.
Usage: python3 bench/import/generate-wxr.py 100000 > /tmp/gen.wxr"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
posts = 1000
w = sys.stdout.write
w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
  '\t<title>Generated</title>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n')
cid = 0
per_post = n // posts
for p in range(1, posts + 1):
    day = 1 + p % 28
    w(f'\t<item>\n\t\t<title><![CDATA[Post {p}]]></title>\n\t\t<link>https://gen.example/2024/{p % 12 + 1:02d}/post-{p}/</link>\n'
      f'\t\t<wp:post_id>{p}</wp:post_id>\n\t\t<wp:post_date_gmt><![CDATA[2024-03-{day:02d} 08:00:00]]></wp:post_date_gmt>\n'
      f'\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:status><![CDATA[publish]]></wp:status>\n')
    for i in range(per_post if p < posts else n - cid):
        cid += 1
        parent = cid - 1 if i % 3 == 2 else 0
        approved = 'trash' if cid % 100 == 0 else 'spam' if cid % 50 == 0 else '0' if cid % 20 == 0 else '1'
        ctype = 'pingback' if cid % 100 == 1 else 'comment'
        w(f'\t\t<wp:comment>\n\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n'
          f'\t\t\t<wp:comment_author><![CDATA[Reader {cid % 5000}]]></wp:comment_author>\n'
          f'\t\t\t<wp:comment_author_email><![CDATA[reader{cid % 5000}@gen.example]]></wp:comment_author_email>\n'
          f'\t\t\t<wp:comment_author_url></wp:comment_author_url>\n'
          f'\t\t\t<wp:comment_author_IP><![CDATA[10.{cid % 250}.{cid // 250 % 250}.{cid % 7}]]></wp:comment_author_IP>\n'
          f'\t\t\t<wp:comment_date_gmt><![CDATA[2024-04-{day:02d} {cid % 24:02d}:{cid % 60:02d}:00]]></wp:comment_date_gmt>\n'
          f'\t\t\t<wp:comment_content><![CDATA[Comment {cid} on post {p}. A sentence or two of ordinary text, about as long as most comments are; ünïcödé too.]]></wp:comment_content>\n'
          f'\t\t\t<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>\n'
          f'\t\t\t<wp:comment_type><![CDATA[{ctype}]]></wp:comment_type>\n'
          f'\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n')
    w('\t</item>\n')
w('</channel>\n</rss>\n')
