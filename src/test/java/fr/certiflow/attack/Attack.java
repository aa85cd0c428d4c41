package fr.certiflow.attack;

import fr.certiflow.packaged.CampaignClient;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * One call a hostile or mistaken user makes, and the statuses that refuse it. A body is JSON (a map), raw text, or an
 * {@link Upload}.
 */
record Attack(String what, String role, String method, String path, Object body, Set<Integer> refusedWith) {

    /** A multipart upload: form fields and one file under "file". */
    record Upload(Map<String, String> fields, String filename, byte[] content) {
    }

    static final Set<Integer> UNAUTHENTICATED = Set.of(401);
    static final Set<Integer> FORBIDDEN = Set.of(403);
    /** Refused without saying whether the thing exists to someone who may not see it. */
    static final Set<Integer> FORBIDDEN_OR_HIDDEN = Set.of(403, 404);
    static final Set<Integer> INVALID = Set.of(400);
    static final Set<Integer> CONFLICT = Set.of(409);

    CampaignClient.Response send(CampaignClient client) throws IOException, InterruptedException {
        if (body instanceof Upload upload) {
            return client.multipart(path, upload.fields(), upload.filename(), upload.content());
        }
        return client.call(method, path, body);
    }

    @Override
    public String toString() {
        return role + " " + method + " " + path + " — " + what;
    }
}
