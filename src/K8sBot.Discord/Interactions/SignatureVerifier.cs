using System.Text;
using NSec.Cryptography;

namespace K8sBot.Discord.Interactions;

/// <summary>Ed25519 over <c>timestamp + raw body</c> with the application's public key (HTTP interactions mode).</summary>
internal sealed class SignatureVerifier
{
    private readonly PublicKey _key;

    public SignatureVerifier(string publicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp) || signatureHex.Length != 128)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[stamp.Length + rawBody.Length];
        stamp.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(stamp.Length));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }
}
