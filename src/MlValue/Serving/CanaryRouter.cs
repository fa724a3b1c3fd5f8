using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace MlValue.Serving;

/// <summary>
/// Sticky canary routing: XxHash3 of the key (UTF-16 bytes, seeded by the model name) mapped to
/// [0, 1); keys below the share go to the canary. Stable across processes and machines.
/// </summary>
internal sealed class CanaryRouter
{
    private const double TwoToThe53 = 9007199254740992.0;
    private readonly long _seed;
    private readonly ulong _limit;

    public CanaryRouter(string modelName, double share)
    {
        _seed = unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(modelName)));
        _limit = share >= 1 ? ulong.MaxValue : (ulong)(share * TwoToThe53);
    }

    public bool IsCanary(string routingKey)
    {
        if (_limit == 0)
        {
            return false;
        }

        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(routingKey.AsSpan()), _seed);
        return _limit == ulong.MaxValue || (hash >> 11) < _limit;
    }
}
