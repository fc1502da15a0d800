namespace Corpus.FastText;

/// <summary>The output layer of a fastText model, numbered as fastText's <c>loss_name</c> is in a .bin file.</summary>
public enum FastTextLoss
{
    /// <summary>Hierarchical softmax over a Huffman tree of the label counts (<c>-loss hs</c>).</summary>
    HierarchicalSoftmax = 1,

    /// <summary>Negative sampling (<c>-loss ns</c>): one sigmoid per label at prediction time.</summary>
    NegativeSampling = 2,

    /// <summary>Softmax over every label (<c>-loss softmax</c>, the supervised default).</summary>
    Softmax = 3,

    /// <summary>One independent sigmoid per label (<c>-loss ova</c>): multi-label.</summary>
    OneVsAll = 4,
}
