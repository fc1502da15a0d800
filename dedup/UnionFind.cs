namespace Corpus.Dedup;

/// <summary>Disjoint sets over 0..n-1 with path halving; the smaller index becomes the root, so the sets do not depend on the order of unions.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int n)
    {
        _parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void Union(int x, int y)
    {
        int rx = Find(x);
        int ry = Find(y);
        if (rx == ry)
        {
            return;
        }

        if (rx < ry)
        {
            _parent[ry] = rx;
        }
        else
        {
            _parent[rx] = ry;
        }
    }
}
