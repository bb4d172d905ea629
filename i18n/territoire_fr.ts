<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>AnalysisError</name>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="53" />
      <source>The metadata file {path} has a non-numeric value for {field}: {raw!r}. The file is damaged: download the product's MTL again.</source>
      <translation>Le fichier de métadonnées {path} a une valeur non numérique pour {field} : {raw!r}. Le fichier est abîmé : téléchargez de nouveau le MTL du produit.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="99" />
      <source>The metadata file {path} has only one of TEMPERATURE_MULT_BAND_ST_B10 and TEMPERATURE_ADD_BAND_ST_B10. The file is incomplete: download the product's MTL again.</source>
      <translation>Le fichier de métadonnées {path} ne contient qu'un seul des deux facteurs TEMPERATURE_MULT_BAND_ST_B10 et TEMPERATURE_ADD_BAND_ST_B10. Le fichier est incomplet : téléchargez de nouveau le MTL du produit.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="111" />
      <source>The surface-temperature factors in {path} (multiplier {mult}, offset {add}) give {low:.1f} K to {high:.1f} K, which is not a Landsat Collection 2 ST_B10 scaling. Check that this is the MTL of a Level-2 (L2SP) product.</source>
      <translation>Les facteurs de température de surface de {path} (multiplicateur {mult}, décalage {add}) donnent de {low:.1f} K à {high:.1f} K, ce qui n'est pas l'échelle ST_B10 de Landsat Collection 2. Vérifiez qu'il s'agit bien du MTL d'un produit de niveau 2 (L2SP).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="177" />
      <source>Cannot read the metadata file {path}: {error}. Check that the file exists and is the product's MTL (txt, xml or json).</source>
      <translation>Impossible de lire le fichier de métadonnées {path} : {error}. Vérifiez que le fichier existe et qu'il s'agit du MTL du produit (txt, xml ou json).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="254" />
      <source>{path} does not exist. Give the product's MTL file, its folder, or its ST_B10 band.</source>
      <translation>{path} n'existe pas. Indiquez le fichier MTL du produit, son dossier ou sa bande ST_B10.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="267" />
      <source>The folder {path} holds no Landsat MTL file (*_MTL.txt, *_MTL.xml or *_MTL.json). Give the ST_B10 band directly, or the folder of a complete product.</source>
      <translation>Le dossier {path} ne contient aucun fichier MTL Landsat (*_MTL.txt, *_MTL.xml ou *_MTL.json). Indiquez directement la bande ST_B10, ou le dossier d'un produit complet.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="290" />
      <source>The metadata file {path} describes a product of level {level} with no ST_B10 band. Land surface temperature needs a Collection 2 Level-2 (L2SP) product.</source>
      <translation>Le fichier de métadonnées {path} décrit un produit de niveau {level} sans bande ST_B10. La température de surface demande un produit Collection 2 de niveau 2 (L2SP).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="301" />
      <source>The metadata file {path} names the band {name}, which is not in {folder}. Put the ST_B10 file beside its MTL, or give the band directly.</source>
      <translation>Le fichier de métadonnées {path} désigne la bande {name}, absente de {folder}. Placez le fichier ST_B10 à côté de son MTL, ou indiquez directement la bande.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/landsat_mtl.py" line="340" />
      <source>{name} is the {band} band, not the surface-temperature band ST_B10. Give the product's *_ST_B10.TIF (or its MTL file, and the band is found for you).</source>
      <translation>{name} est la bande {band}, pas la bande de température de surface ST_B10. Indiquez le fichier *_ST_B10.TIF du produit (ou son fichier MTL : la bande sera trouvée automatiquement).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/lst.py" line="166" />
      <source>{name} holds {dtype} values; a Landsat ST_B10 band holds 16-bit unsigned integers. Give the product's original *_ST_B10.TIF, not a converted or reprojected copy.</source>
      <translation>{name} contient des valeurs {dtype} ; une bande ST_B10 Landsat contient des entiers non signés sur 16 bits. Indiquez le fichier *_ST_B10.TIF d'origine, pas une copie convertie ou reprojetée.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/lst.py" line="182" />
      <source>QA_PIXEL ({qa}) is not on the grid of ST_B10 ({st}). Give the QA_PIXEL band of the same product, unmodified.</source>
      <translation>QA_PIXEL ({qa}) n'est pas sur la grille de ST_B10 ({st}). Indiquez la bande QA_PIXEL du même produit, sans modification.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/lst.py" line="195" />
      <source>The clip area does not overlap the scene ({scene}). Check the clip layer or extent and its CRS, or pick a scene that covers the area.</source>
      <translation>La zone de découpage ne recoupe pas la scène ({scene}). Vérifiez la couche ou l'emprise de découpage et son SCR, ou choisissez une scène qui couvre la zone.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/lst.py" line="220" />
      <source>No clear pixel is left after masking: {cloud:.1f} % of the area inside the scene is cloud, cirrus or cloud shadow, {other:.1f} % is masked snow or water, and {fill:.1f} % of the area lies outside the scene. Pick another date (a clearer scene) or a larger area.</source>
      <translation>Aucun pixel clair ne reste après masquage : {cloud:.1f} % de la zone couverte par la scène est nuage, cirrus ou ombre de nuage, {other:.1f} % est neige ou eau masquée, et {fill:.1f} % de la zone est hors de la scène. Choisissez une autre date (une scène plus dégagée) ou une zone plus grande.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="43" />
      <source>Cannot open {what} ({path}): {error}. Check that the file is a complete raster (a download may have been cut short).</source>
      <translation>Impossible d'ouvrir {what} ({path}) : {error}. Vérifiez que le fichier est un raster complet (un téléchargement a pu être interrompu).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="139" />
      <source>The raster's grid is rotated; clipping needs a north-up raster. Warp it first (Raster ▸ Projections ▸ Warp).</source>
      <translation>La grille du raster est tournée ; le découpage demande un raster orienté nord. Reprojetez-le d'abord (Raster ▸ Projections ▸ Projection (warp)).</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="166" />
      <source>The output {path} must be a GeoTIFF (.tif). Choose a file name ending in .tif.</source>
      <translation>La sortie {path} doit être un GeoTIFF (.tif). Choisissez un nom de fichier se terminant par .tif.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="175" />
      <source>The output folder {folder} does not exist. Create it or choose another folder.</source>
      <translation>Le dossier de sortie {folder} n'existe pas. Créez-le ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="61" />
      <source>Reading {what} failed: {error}. The file is truncated (an interrupted download?) or damaged: download or copy it again.</source>
      <translation>La lecture de {what} a échoué : {error}. Le fichier est tronqué (téléchargement interrompu ?) ou abîmé : téléchargez-le ou copiez-le de nouveau.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/raster.py" line="265" />
      <source>Writing the output failed: {error}. Check the free disk space and that the folder is writable.</source>
      <translation>L'écriture de la sortie a échoué : {error}. Vérifiez l'espace disque libre et que le dossier est accessible en écriture.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/analysis/lst.py" line="119" />
      <source>{name} does not look like a surface-temperature band: with the ST_B10 scaling, 90 % of its clear pixels would be below {p90:.1f} °C, which no land surface is. Give the product's *_ST_B10.TIF (not a reflectance band), or its MTL file.</source>
      <translation>{name} ne ressemble pas à une bande de température de surface : avec l'échelle ST_B10, 90 % de ses pixels clairs seraient sous {p90:.1f} °C, ce qu'aucune surface terrestre n'atteint. Indiquez le fichier *_ST_B10.TIF du produit (pas une bande de réflectance), ou son fichier MTL.</translation>
    </message>
  </context>
  <context>
    <name>LandsatLstAlgorithm</name>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="54" />
      <source>Land surface temperature (Landsat)</source>
      <translation>Température de surface (Landsat)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="57" />
      <source>Urban overheating</source>
      <translation>Surchauffe urbaine</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="63" />
      <source>landsat,lst,temperature,surface,heat,thermal,ST_B10,QA_PIXEL</source>
      <translation>landsat,lst,température,surface,chaleur,îlot de chaleur,thermique,ST_B10,QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="66" />
      <source>&lt;p&gt;Land surface temperature in °C from a Landsat 8 or 9 Collection 2 Level-2 product.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: the product's MTL file (txt, xml or json), its folder, or the ST_B10 band itself. The QA_PIXEL band is found beside the MTL when not given.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: K = DN × TEMPERATURE_MULT_BAND_ST_B10 + TEMPERATURE_ADD_BAND_ST_B10 (read from the MTL; USGS's 0.00341802 and 149.0 only when no metadata exists, and the output says which), then °C = K − 273.15. DN 0 is fill. Pixels flagged in QA_PIXEL are masked as chosen (fill, dilated cloud, cirrus, cloud and cloud shadow by default; snow and water optional).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Clip&lt;/b&gt;: optionally to polygons (e.g. the commune) and/or an extent.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Output&lt;/b&gt;: float32 GeoTIFF in °C, nodata −9999, tiled and compressed, styled with a diverging ramp centred on the median temperature.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Caution&lt;/b&gt;: this is the &lt;i&gt;daytime surface&lt;/i&gt; temperature at the satellite's pass (about 10:30 solar time), not the air temperature, and not night-time heat. Roofs and roads are much hotter than the air above them.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Température de surface en °C à partir d'un produit Landsat 8 ou 9 Collection 2 de niveau 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Entrée&lt;/b&gt; : le fichier MTL du produit (txt, xml ou json), son dossier, ou la bande ST_B10 elle-même. La bande QA_PIXEL est trouvée à côté du MTL si elle n'est pas indiquée.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Méthode&lt;/b&gt; : K = CN × TEMPERATURE_MULT_BAND_ST_B10 + TEMPERATURE_ADD_BAND_ST_B10 (lus dans le MTL ; les valeurs USGS 0,00341802 et 149,0 seulement en l'absence de métadonnées, et la sortie indique lesquelles), puis °C = K − 273,15. Le CN 0 est du remplissage. Les pixels signalés dans QA_PIXEL sont masqués selon les choix (remplissage, bord de nuage, cirrus, nuage et ombre de nuage par défaut ; neige et eau en option).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Découpage&lt;/b&gt; : en option, selon des polygones (par ex. la commune) et/ou une emprise.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Sortie&lt;/b&gt; : GeoTIFF float32 en °C, nodata −9999, tuilé et compressé, stylé par une rampe divergente centrée sur la température médiane.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Attention&lt;/b&gt; : il s'agit de la température de &lt;i&gt;surface, de jour&lt;/i&gt;, au passage du satellite (vers 10 h 30 heure solaire), pas de la température de l'air, ni de la chaleur nocturne. Toits et chaussées sont bien plus chauds que l'air au-dessus d'eux.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="84" />
      <source>Landsat Level-2 product (MTL file, folder or ST_B10 band)</source>
      <translation>Produit Landsat de niveau 2 (fichier MTL, dossier ou bande ST_B10)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="84" />
      <source>Landsat MTL or ST_B10 (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;All files (*)</source>
      <translation>MTL ou ST_B10 Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.TIF *.tif);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="90" />
      <source>QA_PIXEL band (found beside the MTL when empty)</source>
      <translation>Bande QA_PIXEL (trouvée à côté du MTL si vide)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="94" />
      <source>Mask fill (outside the scene)</source>
      <translation>Masquer le remplissage (hors scène)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="95" />
      <source>Mask dilated cloud</source>
      <translation>Masquer les bords de nuages (nuage dilaté)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="96" />
      <source>Mask cirrus</source>
      <translation>Masquer les cirrus</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="97" />
      <source>Mask cloud</source>
      <translation>Masquer les nuages</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="98" />
      <source>Mask cloud shadow</source>
      <translation>Masquer les ombres de nuages</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="99" />
      <source>Mask snow</source>
      <translation>Masquer la neige</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="100" />
      <source>Mask water</source>
      <translation>Masquer l'eau</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="104" />
      <source>Clip to polygons (e.g. the commune)</source>
      <translation>Découper selon des polygones (par ex. la commune)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="108" />
      <source>Clip to extent</source>
      <translation>Découper selon une emprise</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="197" />
      <source>Land surface temperature (°C)</source>
      <translation>Température de surface (°C)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="114" />
      <source>Where the ST_B10 scaling came from</source>
      <translation>Origine de l'échelle ST_B10</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="115" />
      <source>Clear pixels (% of the area)</source>
      <translation>Pixels clairs (% de la zone)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="116" />
      <source>Cloud and shadow (% of the area)</source>
      <translation>Nuages et ombres (% de la zone)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="117" />
      <source>Minimum (°C)</source>
      <translation>Minimum (°C)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="118" />
      <source>Median (°C)</source>
      <translation>Médiane (°C)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="119" />
      <source>Mean (°C)</source>
      <translation>Moyenne (°C)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="120" />
      <source>Maximum (°C)</source>
      <translation>Maximum (°C)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="137" />
      <source>the ST_B10 band</source>
      <translation>la bande ST_B10</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="145" />
      <source>ST_B10 scaling from {0}: × {1} + {2}</source>
      <translation>Échelle ST_B10 lue dans {0} : × {1} + {2}</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="150" />
      <source>No MTL file found beside {0}: using USGS's Collection 2 scaling × {1} + {2}. Put the product's MTL file beside the band to use its own factors.</source>
      <translation>Aucun fichier MTL à côté de {0} : utilisation de l'échelle Collection 2 de l'USGS × {1} + {2}. Placez le fichier MTL du produit à côté de la bande pour utiliser ses propres facteurs.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="155" />
      <source>No QA_PIXEL band found: clouds and their shadows are NOT masked, only fill pixels. Give the QA_PIXEL band to mask them.</source>
      <translation>Aucune bande QA_PIXEL trouvée : les nuages et leurs ombres ne sont PAS masqués, seulement les pixels de remplissage. Indiquez la bande QA_PIXEL pour les masquer.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="160" />
      <source>Cloud mask from {0}</source>
      <translation>Masque des nuages lu dans {0}</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="179" />
      <source>{0} exists: it will be replaced once the new file is complete.</source>
      <translation>{0} existe : il sera remplacé une fois le nouveau fichier complet.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="188" />
      <source>Cancelled: nothing was written.</source>
      <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="200" />
      <source>Clear pixels: {0:.1f} % of the area (cloud and shadow {1:.1f} %). Surface temperature from {2:.1f} °C to {3:.1f} °C, median {4:.1f} °C.</source>
      <translation>Pixels clairs : {0:.1f} % de la zone (nuages et ombres {1:.1f} %). Température de surface de {2:.1f} °C à {3:.1f} °C, médiane {4:.1f} °C.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="239" />
      <source>The clip layer has no polygon. Choose a layer with at least one polygon (e.g. the commune outline), or leave the clip empty.</source>
      <translation>La couche de découpage ne contient aucun polygone. Choisissez une couche avec au moins un polygone (par ex. le contour de la commune), ou laissez le découpage vide.</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/processing/landsat_lst.py" line="247" />
      <source>The clip polygons and the clip extent do not overlap. Give one of them, or two that overlap.</source>
      <translation>Les polygones et l'emprise de découpage ne se recoupent pas. Indiquez l'un des deux, ou deux qui se recoupent.</translation>
    </message>
  </context>
  <context>
    <name>OptionsPage</name>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="53" />
      <source>Cache folder</source>
      <translation>Dossier du cache</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="87" />
      <source>Clear the cache</source>
      <translation>Vider le cache</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="62" />
      <source>Cache size</source>
      <translation>Taille du cache</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="65" />
      <source>French</source>
      <translation>Français</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="65" />
      <source>English</source>
      <translation>Anglais</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="69" />
      <source>Language of reports</source>
      <translation>Langue des rapports</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="71" />
      <source>Detailed messages in the log (debug)</source>
      <translation>Messages détaillés dans le journal (débogage)</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/gui/options.py" line="87" />
      <source>Delete every file downloaded into {0}? Analyses will need the network again.</source>
      <translation>Supprimer tous les fichiers téléchargés dans {0} ? Les analyses auront de nouveau besoin du réseau.</translation>
    </message>
  </context>
  <context>
    <name>TerritoirePlugin</name>
    <message>
      <location filename="../territoire_plugin/plugin.py" line="46" />
      <source>Land surface temperature (Landsat)…</source>
      <translation>Température de surface (Landsat)…</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/plugin.py" line="48" />
      <source>Options…</source>
      <translation>Options…</translation>
    </message>
    <message>
      <location filename="../territoire_plugin/plugin.py" line="49" />
      <source>Help</source>
      <translation>Aide</translation>
    </message>
  </context>
  <context>
    <name>TerritoireProvider</name>
    <message>
      <location filename="../territoire_plugin/processing/provider.py" line="23" />
      <source>Territoire — space data for local authorities</source>
      <translation>Territoire — données spatiales pour les collectivités</translation>
    </message>
  </context>
</TS>
