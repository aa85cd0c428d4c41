package fr.certiflow.web;

import fr.certiflow.web.InvalidRequestException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The names of the files sent to the API, checked before any controller reads them: they are stored, shown in error
 * messages and sent back in {@code Content-Disposition}, so a name with a control character (NUL, line break…) or
 * an invisible direction mark, a folder path or more than 255 characters is refused with a 400 naming the part.
 * Browsers and curl send the bare name of the file.
 */
@Configuration(proxyBeanMethods = false)
class UploadedFileNames implements WebMvcConfigurer, HandlerInterceptor {

    static final int MAX_LENGTH = 255;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            List<FieldProblem> problems = new ArrayList<>();
            for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : part.getValue()) {
                    String problem = problem(file.getOriginalFilename());
                    if (problem != null) {
                        problems.add(new FieldProblem(part.getKey(), problem));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
        return true;
    }

    /** What is wrong with the name, in French, or null. */
    static String problem(String name) {
        if (name == null) {
            return null;
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "nom de fichier trop long (" + length + " caractères, " + MAX_LENGTH + " au plus) : renommez le fichier";
        }
        int[] forbidden = name.codePoints().filter(UploadedFileNames::isForbidden).toArray();
        if (forbidden.length > 0) {
            return "le nom du fichier contient un caractère non permis (" + String.format("U+%04X", forbidden[0])
                    + ") : renommez le fichier";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "le nom du fichier « " + name + " » contient un chemin (« / » ou « \\ ») : envoyez le fichier seul";
        }
        return null;
    }

    private static boolean isForbidden(int c) {
        return Character.isISOControl(c)
                // Direction marks and isolates, which make a name read otherwise than it is ("gpj.exe").
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x2028 || c == 0x2029;
    }
}
