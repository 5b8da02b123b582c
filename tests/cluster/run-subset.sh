#!/usr/bin/env bash
# Runs the cluster subset of the tests against a fresh Redis Cluster on loopback (3 masters + 3
# replicas on PORT..PORT+5), then stops it by its pidfiles. Needs a built solution (dotnet build).
#   tests/cluster/run-subset.sh [--port 6391]
# The subset: the storage tests, and the Redis variants of the classes that write through
# transactions (comments, idempotency, moderation, flags, bans, likes, flood windows, author edits)
# and of the hubs (readers, moderators, two nodes over the backplane), ManyNodesTests (two nodes on one thread, the post limit across nodes)
# and ThreadVersionsTwoNodeTests (a PUBLISH inside a thread's transaction, and its message reaching the other node).
# A multi-key command or transaction whose keys are in two slots fails them (CROSSSLOT, or
# StackExchange.Redis refusing a multi-slot transaction). Classes that need a database of their own
# (flush, count every key: IsolatedStoreService, StoreDigests) are not in it: a cluster has database 0 only.
# Nor is ServerSecretFaultOnRedis: it rewrites the store-wide server secret, and a node that started
# meanwhile kept another secret (CI saw ManyNodesTests' two nodes count one address under two digests).
set -uo pipefail
cd "$(dirname "$0")/../.."
port=6391
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
dir=$(mktemp -d /tmp/comments-cluster-XXXXXX)
seeds=$(tests/cluster/start-cluster.sh --port "$port" --dir "$dir") || { tests/cluster/stop-cluster.sh --dir "$dir"; exit 1; }
trap 'tests/cluster/stop-cluster.sh --dir "$dir"' EXIT

classes=(CommentsApiOnRedis IdempotencyOnRedis ModerationActionsOnRedis ModerationQueueOnRedis FlagsAndAuditOnRedis
  BanAndThreadOnRedis LikesOnRedis FloodControlOnRedis AuthorEditOnRedis ModeratorHubOnRedis LiveStreamOnRedis
  ReaderStreamOnRedis ManyNodesTests SiteStatsOnRedis ThreadVersionsTwoNodeTests.Node_b_shows_a_comment_and_a_removal_made_on_node_a_on_redis_server)
filter="FullyQualifiedName~TwoNodeTests.A_reader_on_node_a_receives_a_comment_posted_to_node_b_when_both_share_redis_server"
for c in "${classes[@]}"; do filter="$filter|FullyQualifiedName~.$c"; done

export COMMENTS_TEST_REDIS="$seeds" COMMENTS_TEST_REDIS_CLUSTER=1
rc=0
dotnet test tests/Comments.Storage.Tests --no-build || rc=1
dotnet test tests/Comments.Api.Tests --no-build --filter "$filter" || rc=1
exit $rc
