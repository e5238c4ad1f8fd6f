package org.roadmapledger.proof;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The ledger's Ed25519 signing key (the JDK's own implementation) with its public half. */
public final class SealKey {

    private final PrivateKey privateKey;
    private final PublicSealKey publicKey;

    private SealKey(PrivateKey privateKey, PublicSealKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SealKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SealKey(pair.getPrivate(), PublicSealKey.of(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    /**
     * Reads a key pair kept as two PEM texts: the private key in PKCS#8 and its public key. The JDK cannot derive an
     * Ed25519 public key from its private key, so both are kept; the pair is checked by a signature.
     */
    public static SealKey fromPem(String privatePem, String publicPem) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(privatePem, "PRIVATE KEY")));
            SealKey sealKey = new SealKey(key, PublicSealKey.parse(publicPem));
            byte[] probe = "roadmap-ledger key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!sealKey.publicKey.verifies(probe, sealKey.sign(probe))) {
                throw new IllegalArgumentException("the public key is not the private key's");
            }
            return sealKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8", e);
        }
    }

    public String privatePem() {
        return Pem.encode(privateKey.getEncoded(), "PRIVATE KEY");
    }

    public PublicSealKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.keyId();
    }

    /** @return the base64url (unpadded) signature */
    public String sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the ledger's key", e);
        }
    }
}
