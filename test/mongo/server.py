#!/usr/bin/python3
"""A small MongoDB wire-protocol server for launchguard's tests.

mockupdb (from the MongoDB Python driver's authors) speaks the wire protocol; mongomock keeps the
data and the indexes with MongoDB's semantics. It answers hello, ping, buildInfo, listCollections,
listIndexes, createIndexes, insert, find, saslStart (always "Authentication failed" when --auth),
and, from fixtures in the MongoDB manual's documented formats, $indexStats and explain.

    /usr/bin/python3 test/mongo/server.py [--auth] [--deny-index-stats] [--deny-explain] [--index-stats-unsupported] [--bad-list-indexes] [--sharded]

prints the port it listens on (127.0.0.1), then serves until SIGTERM.
"""
import argparse
import copy
import datetime
import json
import os
import signal
import sys
import threading

import mongomock
from bson.int64 import Int64
from mockupdb import MockupDB

HERE = os.path.dirname(os.path.abspath(__file__))


def fixture(name):
    with open(os.path.join(HERE, 'fixtures', name)) as f:
        doc = json.load(f)
    doc.pop('source', None)
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--auth', action='store_true', help='refuse every authentication')
    ap.add_argument('--deny-index-stats', action='store_true')
    ap.add_argument('--deny-explain', action='store_true')
    ap.add_argument('--index-stats-unsupported', action='store_true', help='answer $indexStats as a compatible service that lacks it does')
    ap.add_argument('--bad-list-indexes', action='store_true', help='answer listIndexes with a reply of the wrong shape')
    ap.add_argument('--sharded', action='store_true', help='answer explain as mongos does for a sharded collection')
    args = ap.parse_args()

    client = mongomock.MongoClient()
    lock = threading.Lock()
    server = MockupDB(port=None, request_timeout=60)  # binds 'localhost' over IPv4: 127.0.0.1
    since = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)

    def cursor(ns, docs):
        return {'cursor': {'id': Int64(0), 'ns': ns, 'firstBatch': docs}, 'ok': 1}

    def handle(request):
        doc = request.doc
        name = request.command_name
        db_name = doc.get('$db', 'admin')
        db = client[db_name]
        lname = (name or '').lower()
        if getattr(request, 'flags', 0) & 2:  # OP_MSG moreToCome (endSessions with w:0): no reply expected
            return True
        with lock:
            if lname in ('hello', 'ismaster'):
                return request.reply({
                    'helloOk': True, 'ismaster': True, 'isWritablePrimary': True,
                    'maxBsonObjectSize': 16777216, 'maxMessageSizeBytes': 48000000, 'maxWriteBatchSize': 100000,
                    'localTime': datetime.datetime.now(datetime.timezone.utc), 'logicalSessionTimeoutMinutes': 30,
                    'connectionId': 1, 'minWireVersion': 0, 'maxWireVersion': 21, 'readOnly': False, 'ok': 1,
                })
            if lname == 'saslstart' or lname == 'authenticate':
                return request.command_err(code=18, errmsg='Authentication failed.', codeName='AuthenticationFailed')
            if args.auth and lname not in ('ping', 'endsessions', 'buildinfo'):
                return request.command_err(code=13, errmsg='command %s requires authentication' % name, codeName='Unauthorized')
            if lname in ('ping', 'endsessions', 'killcursors', 'aborttransaction', 'committransaction'):
                return request.ok()
            if lname == 'buildinfo':
                return request.reply({'version': '7.0.0', 'versionArray': [7, 0, 0, 0], 'ok': 1})
            if lname == 'listcollections':
                names = db.list_collection_names()
                flt = doc.get('filter') or {}
                if 'name' in flt and isinstance(flt['name'], str):
                    names = [n for n in names if n == flt['name']]
                docs = [{'name': n, 'type': 'collection', 'options': {}, 'info': {'readOnly': False}} for n in sorted(names)]
                return request.reply(cursor('%s.$cmd.listCollections' % db_name, docs))
            if lname == 'listindexes':
                coll = doc[name]
                if args.bad_list_indexes:
                    return request.reply({'cursor': 'not a cursor', 'ok': 1})
                if coll not in db.list_collection_names():
                    return request.command_err(code=26, errmsg='ns does not exist: %s.%s' % (db_name, coll), codeName='NamespaceNotFound')
                return request.reply(cursor('%s.%s' % (db_name, coll), list(db[coll].list_indexes())))
            if lname == 'createindexes':
                coll = db[doc[name]]
                for spec in doc['indexes']:
                    spec = dict(spec)
                    key = list(spec.pop('key').items())
                    coll.create_index(key, **spec)
                return request.reply({'numIndexesBefore': 1, 'numIndexesAfter': 1, 'createdCollectionAutomatically': False, 'ok': 1})
            if lname == 'insert':
                docs = request.docs if hasattr(request, 'docs') and len(request.docs) > 1 else doc.get('documents', [])
                docs = [d for d in docs if isinstance(d, dict) and name not in d]
                if docs:
                    db[doc[name]].insert_many(copy.deepcopy(docs))
                return request.reply({'n': len(docs), 'ok': 1})
            if lname == 'find':
                coll = doc[name]
                found = list(db[coll].find(doc.get('filter') or {}))
                return request.reply(cursor('%s.%s' % (db_name, coll), found))
            if lname == 'aggregate':
                coll = doc[name]
                pipeline = doc.get('pipeline') or []
                if pipeline and '$indexStats' in pipeline[0]:
                    if args.index_stats_unsupported:
                        return request.command_err(code=40324, errmsg="Unrecognized pipeline stage name: '$indexStats'", codeName='Location40324')
                    if args.deny_index_stats:
                        return request.command_err(code=13, errmsg='not authorized on %s to execute command { aggregate: "%s", pipeline: [ { $indexStats: {} } ] }' % (db_name, coll), codeName='Unauthorized')
                    out = []
                    tmpl = fixture('index-stats.json')['template']
                    for ix in db[coll].list_indexes():
                        d = copy.deepcopy(tmpl)
                        d['name'] = ix['name']
                        d['key'] = ix['key']
                        d['spec'] = ix
                        d['accesses'] = {'ops': 0, 'since': since}
                        out.append(d)
                    return request.reply(cursor('%s.%s' % (db_name, coll), out))
                return request.command_err(code=40324, errmsg='unsupported pipeline in the test server')
            if lname == 'explain':
                if args.deny_explain:
                    return request.command_err(code=13, errmsg='not authorized on %s to execute command { explain: ... }' % db_name, codeName='Unauthorized')
                inner = doc['explain']
                coll = inner.get('find')
                fields = list((inner.get('filter') or {}).keys()) + list((inner.get('sort') or {}).keys())
                chosen = None
                for ix in db[coll].list_indexes() if coll in db.list_collection_names() else []:
                    first = next(iter(ix['key']))
                    if first != '_id' and first in fields:
                        chosen = ix
                        break
                if chosen is None:
                    plan = fixture('explain-sharded-collscan.json' if args.sharded else 'explain-collscan.json')
                else:
                    plan = fixture('explain-ixscan.json')
                    plan['queryPlanner']['winningPlan']['inputStage']['indexName'] = chosen['name']
                    plan['queryPlanner']['winningPlan']['inputStage']['keyPattern'] = chosen['key']
                plan['queryPlanner']['namespace'] = '%s.%s' % (db_name, coll)
                plan['command'] = inner
                return request.reply(plan)
            # Anything else a driver may send (for example getMore) is not needed by launchguard.
            return request.command_err(code=59, errmsg='no such command in the test server: %s' % name, codeName='CommandNotFound')

    server.autoresponds(handle)
    port = server.run()
    print(port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    server.stop()


if __name__ == '__main__':
    main()
